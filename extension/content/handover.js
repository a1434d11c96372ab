// Hands a capture to the service worker. chrome.runtime.sendMessage serialises the message on the page's main
// thread, ~2-3 ms for the bench page's 315 K characters; a MessageChannel port does it in ~0.5 ms (a structured
// clone). So, once the first capture is answered, this opens the capture relay: a hidden frame of the extension
// (extension/relay/relay.html, in a host with a closed shadow root) that receives captures on a port and sends them
// on from the extension's own process. Until it is ready, and whenever it is not (the page removed it, it did not
// answer), captures go by sendMessage as before.
// The relay's trust: the worker gives this content script a key (openRelay, which a page script cannot call), the key
// goes to the frame in a message only the frame receives (targeted at the extension's origin), and the frame uses the
// port only after the worker confirms the key; each capture carries it again. docs/extension.md "Seventh round".
globalThis.Refully ??= {};

Refully.handOver = (() => {
  const OPEN_TIMEOUT_MS = 5000;
  const ANSWER_TIMEOUT_MS = 120000; // a safety net only: the worker's own calls time out long before
  let state = "closed"; // closed | opening | ready | failed (failed: this page keeps using sendMessage)
  let port = null;
  let host = null;
  let nextId = 0;
  const waiting = new Map(); // id → resolve(reply or null)

  const within = (promise, ms, what) => Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(what)), ms))]);

  // Opens the relay (once; again after the page removed it). Call it off the capture's path, e.g. in idle time.
  async function open() {
    if (state !== "closed") {
      return;
    }
    state = "opening";
    try {
      const { key, url } = await Refully.send("openRelay", {});
      host = Refully.ownNodes.register(document.createElement("refully-relay"));
      host.hidden = true;
      const frame = document.createElement("iframe");
      frame.src = url;
      host.attachShadow({ mode: "closed" }).append(frame);
      const loaded = new Promise(resolve => frame.addEventListener("load", resolve, { once: true }));
      document.documentElement.append(host);
      await within(loaded, OPEN_TIMEOUT_MS, "The relay did not load.");
      const channel = new MessageChannel();
      const ready = new Promise(resolve => { channel.port1.onmessage = ({ data }) => { if (data?.ready === true) resolve(); }; });
      frame.contentWindow.postMessage({ refullyRelay: key }, new URL(url).origin, [channel.port2]);
      await within(ready, OPEN_TIMEOUT_MS, "The relay did not confirm.");
      port = channel.port1;
      port.onmessage = ({ data }) => {
        const resolve = waiting.get(data?.id);
        if (resolve) {
          waiting.delete(data.id);
          resolve(data.reply ?? null);
        }
      };
      state = "ready";
    } catch {
      close("failed");
    }
  }

  function close(next) {
    port?.close();
    host?.remove();
    port = null;
    host = null;
    for (const resolve of waiting.values()) {
      resolve(null);
    }
    waiting.clear();
    state = next;
  }

  // capturePage through the relay when it is open and still in the page, else through sendMessage. Returns the
  // promise of the answer; everything before the return is the hand-over's cost on the page's main thread.
  function sendCapture(capture) {
    if (state === "ready" && !host.isConnected) {
      close("closed"); // the page took it out: by message for now, a new relay after the next answer
    }
    if (state !== "ready") {
      return { via: "message", answer: Refully.send("capturePage", capture) };
    }
    const id = ++nextId;
    const replied = new Promise(resolve => {
      waiting.set(id, resolve);
      setTimeout(() => { if (waiting.delete(id)) resolve(null); }, ANSWER_TIMEOUT_MS);
    });
    port.postMessage({ id, args: capture });
    const answer = replied.then(reply => {
      if (reply === null) {
        close("failed"); // no answer through the relay: this capture and the next ones go by message
        return Refully.send("capturePage", capture);
      }
      return Refully.unwrapReply(reply);
    });
    return { via: "relay", answer };
  }

  return { open, sendCapture, get state() { return state; } };
})();
