// The capture relay: a hidden frame of this extension inside a Seller Central page (made by the content script's
// handover.js). It takes a page capture off the page's main thread: the content script posts the capture on a
// MessageChannel port (a structured clone: ~0.5 ms for the bench page's 315 K characters, where
// chrome.runtime.sendMessage costs the page's main thread ~2-3 ms), and this frame, which runs in the extension's
// own process, sends it on to the service worker and posts the answer back.
//
// Trust: any script of the page can post to this frame (window.frames), and any Seller Central page can load this
// file (it is web-accessible there). So the frame takes a port only when the service worker confirms the key that
// comes with it is the one it gave this tab's content script (relayHello), and it forwards nothing but captures, each
// with that key (relayCapture, checked again by the worker). docs/extension.md "Seventh round", docs/protocol.md.
let port = null;
let key = null;

addEventListener("message", async event => {
  const offered = event.ports[0];
  const offeredKey = event.data?.refullyRelay;
  if (port !== null || event.source !== parent || typeof offeredKey !== "string" || event.ports.length !== 1) {
    return;
  }
  const confirmed = await chrome.runtime.sendMessage({ action: "relayHello", args: { key: offeredKey } }).catch(() => null);
  if (!confirmed?.ok || port !== null) {
    offered.close();
    return;
  }
  port = offered;
  key = offeredKey;
  port.onmessage = forward;
  port.postMessage({ ready: true });
});

async function forward({ data }) {
  const id = data?.id;
  let reply;
  try {
    reply = await chrome.runtime.sendMessage({ action: "relayCapture", args: { key, capture: data?.args } });
  } catch (error) {
    reply = null;
  }
  port.postMessage({ id, reply: reply ?? { ok: false, error: { code: "NO_ANSWER", message: "The Refully service worker did not answer." } } });
}
