// Works out which of the three states Refully is in, and keeps the badge in step with every answer.
import { CompanionOfflineError, ErrorCodes } from "../shared/errors.js";
import { States } from "../shared/states.js";
import { showState } from "./badge.js";
import { callCompanion, pingCompanion } from "./companion.js";
import { getSettings } from "./settings.js";

// Companion refusals that mean "this extension must pair (again)".
const NEEDS_PAIRING_CODES = new Set([ErrorCodes.NOT_PAIRED, "TOKEN_REQUIRED", "TOKEN_INVALID", "TOKEN_WRONG_ORIGIN"]);

// Maps an error from callCompanion to a state, or null when it is a real failure the caller reports.
export function stateOfError(error) {
  if (error instanceof CompanionOfflineError) {
    return States.offline;
  }
  return NEEDS_PAIRING_CODES.has(error?.code) ? States.needsPairing : null;
}

// Asks the companion: { state, companionUrl, status?, reason? } where status is GET /api/status.
export async function readConnectionState() {
  const { companionUrl, token } = await getSettings();
  let result;
  try {
    if (token) {
      result = { state: States.paired, companionUrl, status: await callCompanion("/api/status") };
    } else {
      await pingCompanion();
      result = { state: States.needsPairing, companionUrl };
    }
  } catch (error) {
    const state = stateOfError(error);
    if (!state) {
      throw error;
    }
    result = { state, companionUrl, reason: error.message, code: error.code };
  }
  await showState(result.state);
  return result;
}
