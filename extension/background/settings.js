// Settings live in chrome.storage.local, never in globals: MV3 stops the worker after ~30 s idle.
// Keys (documented in docs/protocol.md so a script can configure an already paired extension):
//   companionUrl  "http://127.0.0.1:47615"   where the companion listens
//   token         "<secret>"                 Bearer token from pairing (or from `companion token`)
//   tokenId       "<id>"                     the token's id, used to revoke it on unpair
// The pending pairing id is kept in chrome.storage.session (gone when the browser closes).
import { ErrorCodes, RefullyError } from "../shared/errors.js";

export const DEFAULT_COMPANION_URL = "http://127.0.0.1:47615";

export async function getSettings() {
  const stored = await chrome.storage.local.get(["companionUrl", "token", "tokenId"]);
  return {
    companionUrl: stored.companionUrl || DEFAULT_COMPANION_URL,
    token: stored.token || null,
    tokenId: stored.tokenId || null,
  };
}

// The token is only ever sent to a loopback companion: a companionUrl pointing anywhere else is refused
// here, so a tampered setting cannot leak the token or seller pages to another host.
export function normaliseCompanionUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new RefullyError(ErrorCodes.BAD_SETTINGS, `companionUrl "${value}" is not an address.`);
  }
  if (url.protocol !== "http:" || url.hostname !== "127.0.0.1" || !url.port) {
    throw new RefullyError(ErrorCodes.BAD_SETTINGS,
      `companionUrl must look like ${DEFAULT_COMPANION_URL} (http, 127.0.0.1, a port).`);
  }
  return `http://127.0.0.1:${url.port}`;
}

export function companionUrlForPort(port) {
  const number = Number(port);
  if (!Number.isInteger(number) || number < 1 || number > 65535) {
    throw new RefullyError(ErrorCodes.BAD_ARGS, `Port must be a whole number from 1 to 65535, not "${port}".`);
  }
  return `http://127.0.0.1:${number}`;
}

export async function saveCompanionUrl(companionUrl) {
  await chrome.storage.local.set({ companionUrl: normaliseCompanionUrl(companionUrl) });
}

export async function saveToken(token, tokenId) {
  await chrome.storage.local.set({ token, tokenId });
}

export async function forgetToken() {
  await chrome.storage.local.remove(["token", "tokenId"]);
}

export async function getPendingPairing() {
  const { pendingPairing } = await chrome.storage.session.get("pendingPairing");
  return pendingPairing || null;
}

export async function setPendingPairing(pending) {
  if (pending) {
    await chrome.storage.session.set({ pendingPairing: pending });
  } else {
    await chrome.storage.session.remove("pendingPairing");
  }
}
