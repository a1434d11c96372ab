// getState for the popup; getSettings / setCompanionPort for the options page.
import { readConnectionState } from "../connection-state.js";
import { companionUrlForPort, getPendingPairing, getSettings as readSettings, saveCompanionUrl } from "../settings.js";

export async function getState() {
  const [connection, pendingPairing] = await Promise.all([readConnectionState(), getPendingPairing()]);
  return { ...connection, pendingPairing };
}

// Never returns the token itself: pages of the extension only need to know whether there is one.
export async function getSettings() {
  const { companionUrl, token } = await readSettings();
  return { companionUrl, port: Number(new URL(companionUrl).port), hasToken: Boolean(token) };
}

export async function setCompanionPort(args) {
  await saveCompanionUrl(companionUrlForPort(args?.port));
  return getSettings();
}
