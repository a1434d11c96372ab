// startPairing / confirmPairing / cancelPairing / unpair: the popup's pairing flow.
// The companion shows a 6-digit code in its own window; the seller types it into the popup. The pending
// pairing id sits in chrome.storage.session, so closing the popup (which ends its page) loses nothing.
import { ErrorCodes, RefullyError } from "../../shared/errors.js";
import { callCompanion, pingCompanion } from "../companion.js";
import { readConnectionState } from "../connection-state.js";
import { forgetToken, getPendingPairing, getSettings, saveToken, setPendingPairing } from "../settings.js";

export async function startPairing() {
  await pingCompanion();
  const clientName = `Refully extension ${chrome.runtime.getManifest().version}`;
  const started = await callCompanion("/api/pair/start", { method: "POST", body: { clientName }, auth: false });
  await setPendingPairing({ pairingId: started.pairingId, expiresAt: started.expiresAt });
  return started;
}

export async function confirmPairing(args) {
  const code = String(args?.code ?? "").replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) {
    throw new RefullyError(ErrorCodes.BAD_ARGS, "Type the 6 digits the companion shows.");
  }
  const pending = await getPendingPairing();
  if (!pending) {
    throw new RefullyError(ErrorCodes.NO_PAIRING_STARTED, "Press Pair first.");
  }
  try {
    const issued = await callCompanion("/api/pair/confirm", { method: "POST", body: { pairingId: pending.pairingId, code }, auth: false });
    await saveToken(issued.token, issued.tokenId);
    await setPendingPairing(null);
  } catch (error) {
    if (error.code === "PAIRING_NOT_FOUND") {
      await setPendingPairing(null);
    }
    throw error;
  }
  return readConnectionState();
}

export async function cancelPairing() {
  await setPendingPairing(null);
  return readConnectionState();
}

// Revokes the token at the companion when it is reachable (best effort: an offline companion must not
// keep the seller from unpairing), then forgets it.
export async function unpair() {
  const { token, tokenId } = await getSettings();
  if (token && tokenId) {
    try {
      await callCompanion(`/api/tokens/${encodeURIComponent(tokenId)}`, { method: "DELETE" });
    } catch {
      // Offline or already revoked: forgetting the token locally is what matters.
    }
  }
  await forgetToken();
  return readConnectionState();
}
