// Who may ask the worker for what. Messages only come from this extension's own contexts, but a content
// script runs inside a web page we do not control, so privileged actions (pairing, settings) are refused
// from tabs, and page captures are accepted only from Seller Central tabs.

// The Seller Central origins, read from the manifest so the list exists once (the companion's
// Domain/Marketplaces.cs holds the same hosts; an end-to-end test compares the two).
function sellerCentralOrigins() {
  const matches = chrome.runtime.getManifest().content_scripts.flatMap(script => script.matches);
  return new Set(matches.map(pattern => pattern.replace(/\/\*$/, "")));
}

function originOf(sender) {
  if (sender.origin) {
    return sender.origin;
  }
  try {
    return new URL(sender.url).origin;
  } catch {
    return null;
  }
}

// A content script of this extension in a top-level Seller Central page.
export function isSellerCentralTab(sender) {
  return sender.id === chrome.runtime.id
    && sender.tab !== undefined
    && sender.frameId === 0
    && sellerCentralOrigins().has(originOf(sender));
}

// The popup or options page (or any other page of this extension, e.g. opened in a tab).
export function isExtensionPage(sender) {
  return sender.id === chrome.runtime.id && originOf(sender) === new URL(chrome.runtime.getURL("")).origin;
}
