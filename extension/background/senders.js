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

function pathOf(sender) {
  try {
    return new URL(sender.url).pathname;
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

const extensionOrigin = () => new URL(chrome.runtime.getURL("")).origin;

// The popup or options page (or any other page of this extension, e.g. opened in a tab). Not a frame of this
// extension inside another site's page: the capture relay is web-accessible, so a Seller Central page can load it.
export function isExtensionPage(sender) {
  return sender.id === chrome.runtime.id && originOf(sender) === extensionOrigin()
    && (sender.tab === undefined || sender.frameId === 0 || originOf({ url: sender.tab.url }) === extensionOrigin());
}

// The capture relay frame (extension/relay/relay.html) inside a Seller Central tab. Its key is checked as well
// (actions/relay.js): this only says where the message comes from.
export function isRelayFrame(sender) {
  return sender.id === chrome.runtime.id
    && sender.tab !== undefined
    && sender.frameId !== 0
    && originOf(sender) === extensionOrigin()
    && pathOf(sender) === "/extension/relay/relay.html"
    && sellerCentralOrigins().has(originOf({ url: sender.tab.url }));
}
