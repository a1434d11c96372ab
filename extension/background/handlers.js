// The one map of every message the worker answers: { action: { from, run } }, alphabetised.
// `from` says which sender may use it (see senders.js); docs/protocol.md documents each one.
import { capturePage } from "./actions/capture-page.js";
import { claimFinding, getClaimForm, reportCaseId } from "./actions/claims.js";
import { dismissFinding, getFinding, openFindingDetails } from "./actions/findings.js";
import { cancelPairing, confirmPairing, startPairing, unpair } from "./actions/pairing.js";
import { openRelay, relayCapture, relayHello } from "./actions/relay.js";
import { getSettings, getState, setCompanionPort } from "./actions/state-and-settings.js";

export const Senders = Object.freeze({ extensionPage: "extension-page", relayFrame: "relay-frame", sellerCentralTab: "seller-central-tab" });

export const handlers = Object.freeze({
  cancelPairing: { from: Senders.extensionPage, run: cancelPairing },
  capturePage: { from: Senders.sellerCentralTab, run: capturePage },
  claimFinding: { from: Senders.sellerCentralTab, run: claimFinding },
  confirmPairing: { from: Senders.extensionPage, run: confirmPairing },
  dismissFinding: { from: Senders.sellerCentralTab, run: dismissFinding },
  getClaimForm: { from: Senders.sellerCentralTab, run: getClaimForm },
  getFinding: { from: Senders.extensionPage, run: getFinding },
  getSettings: { from: Senders.extensionPage, run: getSettings },
  getState: { from: Senders.extensionPage, run: getState },
  openFindingDetails: { from: Senders.sellerCentralTab, run: openFindingDetails },
  openRelay: { from: Senders.sellerCentralTab, run: openRelay },
  relayCapture: { from: Senders.relayFrame, run: relayCapture },
  relayHello: { from: Senders.relayFrame, run: relayHello },
  reportCaseId: { from: Senders.sellerCentralTab, run: reportCaseId },
  setCompanionPort: { from: Senders.extensionPage, run: setCompanionPort },
  startPairing: { from: Senders.extensionPage, run: startPairing },
  unpair: { from: Senders.extensionPage, run: unpair },
});
