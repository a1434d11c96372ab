// The capture relay (extension/relay/relay.js): a content script asks for a key (openRelay), gives it to the relay
// frame it made, and the frame proves it with that key (relayHello) before it takes the content script's port, then
// hands over each capture with it (relayCapture). One key per tab, in session storage (the worker may be stopped
// between two captures; content scripts cannot read session storage); a new content script in the tab (a reload)
// gets a new one, and closing the tab forgets it.
import { ErrorCodes, RefullyError } from "../../shared/errors.js";
import { capturePage } from "./capture-page.js";

const keyName = tabId => `relay:${tabId}`;

export async function openRelay(args, sender) {
  const key = crypto.randomUUID();
  await chrome.storage.session.set({ [keyName(sender.tab.id)]: key });
  return { key, url: chrome.runtime.getURL("extension/relay/relay.html") };
}

async function checkKey(key, sender) {
  const name = keyName(sender.tab.id);
  const stored = (await chrome.storage.session.get(name))[name];
  if (typeof key !== "string" || typeof stored !== "string" || key !== stored) {
    throw new RefullyError(ErrorCodes.SENDER_NOT_ALLOWED, "This relay was not opened by Refully in this tab.");
  }
}

export async function relayHello(args, sender) {
  await checkKey(args.key, sender);
  return {};
}

// The capture as the tab's content script would have sent it: the relay speaks for the tab's top frame, whose URL
// (a Seller Central page, checked for this sender) the capture's URL must be on, as for a direct capturePage.
export async function relayCapture(args, sender) {
  await checkKey(args.key, sender);
  const tabOrigin = new URL(sender.tab.url).origin;
  return capturePage(args.capture ?? {}, { id: sender.id, tab: sender.tab, frameId: 0, url: sender.tab.url, origin: tabOrigin });
}

export function forgetRelay(tabId) {
  return chrome.storage.session.remove(keyName(tabId));
}
