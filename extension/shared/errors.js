// Error codes the service worker itself produces. Codes that come from the companion (TOKEN_INVALID,
// PAIRING_CODE_WRONG, …) are passed through unchanged; docs/protocol.md lists both.
export const ErrorCodes = Object.freeze({
  BAD_ARGS: "BAD_ARGS",
  BAD_SETTINGS: "BAD_SETTINGS",
  COMPANION_ERROR: "COMPANION_ERROR",
  COMPANION_OFFLINE: "COMPANION_OFFLINE",
  NOT_A_COMPANION: "NOT_A_COMPANION",
  NOT_PAIRED: "NOT_PAIRED",
  NO_PAIRING_STARTED: "NO_PAIRING_STARTED",
  SENDER_NOT_ALLOWED: "SENDER_NOT_ALLOWED",
  UNKNOWN_ACTION: "UNKNOWN_ACTION",
});

// An error that crosses the message boundary as { code, message } (Error objects do not survive messaging).
export class RefullyError extends Error {
  constructor(code, message, status = 0) {
    super(message);
    this.name = "RefullyError";
    this.code = code;
    this.status = status;
  }
}

// The companion could not be reached (refused, timed out) or the port holds another program.
// A separate type because callers turn it into a state ("offline"), not a failure.
export class CompanionOfflineError extends RefullyError {
  constructor(message, reason = "unreachable") {
    super(reason === "not-companion" ? ErrorCodes.NOT_A_COMPANION : ErrorCodes.COMPANION_OFFLINE, message);
    this.name = "CompanionOfflineError";
    this.reason = reason;
  }
}
