// Entry point of the MV3 service worker. Listeners are registered synchronously at the top level, because
// Chrome only delivers the event that woke the worker to listeners that exist on the first run. No state
// lives in module globals: the worker is stopped after ~30 s idle, and everything is in chrome.storage.
import { ErrorCodes, RefullyError } from "../shared/errors.js";
import { forgetClosedTab } from "./actions/claims.js";
import { handlers, Senders } from "./handlers.js";
import { readConnectionState } from "./connection-state.js";
import { forgetRelay } from "./actions/relay.js";
import { isExtensionPage, isRelayFrame, isSellerCentralTab } from "./senders.js";

const senderChecks = {
  [Senders.extensionPage]: isExtensionPage,
  [Senders.relayFrame]: isRelayFrame,
  [Senders.sellerCentralTab]: isSellerCentralTab,
};

// Every message is { action, args } and every answer { ok: true, result } or { ok: false, error: { code, message } }.
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  dispatch(message, sender).then(
    result => sendResponse({ ok: true, result }),
    error => sendResponse({ ok: false, error: { code: error.code || ErrorCodes.COMPANION_ERROR, message: error.message, status: error.status || 0 } }));
  return true; // answer asynchronously
});

async function dispatch(message, sender) {
  const handler = Object.hasOwn(handlers, message?.action) ? handlers[message.action] : null;
  if (!handler) {
    throw new RefullyError(ErrorCodes.UNKNOWN_ACTION, `Unknown action "${message?.action}".`);
  }
  if (!senderChecks[handler.from](sender)) {
    throw new RefullyError(ErrorCodes.SENDER_NOT_ALLOWED, `"${message.action}" is not allowed from this sender.`);
  }
  return handler.run(message.args ?? {}, sender);
}

// Keep the badge honest: on install/start, and whenever a script or the options page changes settings.
function refreshBadge() {
  readConnectionState().catch(() => { /* the badge keeps its last state; the popup shows the error */ });
}

chrome.runtime.onInstalled.addListener(refreshBadge);
chrome.runtime.onStartup.addListener(refreshBadge);
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && ("companionUrl" in changes || "token" in changes)) {
    refreshBadge();
  }
});

// A closed tab files nothing any more: forget its pending claim and its relay key.
chrome.tabs.onRemoved.addListener(tabId => {
  forgetClosedTab(tabId).catch(() => { /* session storage gone with the browser */ });
  forgetRelay(tabId).catch(() => { /* session storage gone with the browser */ });
});
