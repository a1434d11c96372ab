// Runs in the page's own JavaScript world ("world": "MAIN" in the manifest, document_start), loaded after
// capture-page.js, for one job: finding the page's open shadow roots that have content. Walking ~7,500
// elements and ~6,000 Katal roots from the content script's isolated world costs 3-4 times as much, because
// that world needs its own wrapper object for every node it touches, and the page's world already has them.
// It reads the DOM and dispatches events, nothing else: the content script asks with `refully:find-roots`
// on document, this answers synchronously with a composed `refully:root` event on each host whose root has
// content, a `refully:emptiable` event on each of the document's own <script>, <style>, <noscript> and <nav>
// elements with content (what the capture may write empty), then `refully:roots-found` on document. The
// content script checks and serialises what is named itself; the page could only change what is named, as it
// could by changing its own DOM. Refully's namespace is taken into a closure and removed before any page
// script runs, so the page sees no new global.
(() => {
  const { openShadowRoots } = globalThis.Refully.capture;
  delete globalThis.Refully;
  const isRefullyNode = element => element.localName.startsWith("refully-");
  const CustomEventOf = CustomEvent;
  const dispatch = EventTarget.prototype.dispatchEvent;
  document.addEventListener("refully:find-roots", () => {
    const emptiable = [];
    for (const root of openShadowRoots(isRefullyNode, emptiable)) {
      dispatch.call(root.host, new CustomEventOf("refully:root", { composed: true }));
    }
    for (const element of emptiable) {
      dispatch.call(element, new CustomEventOf("refully:emptiable"));
    }
    dispatch.call(document, new CustomEventOf("refully:roots-found"));
  }, true);
})();
