// Serialises the page the way the seller sees it. Katal (`kat-*`) components keep their text and their
// real inputs in open shadow roots, which outerHTML drops; getHTML({ shadowRoots }) (Chrome 125+) writes
// each root we pass as <template shadowrootmode="open">, which the companion reads back.
globalThis.Refully ??= {};

Refully.capture = (() => {
  // Every open shadow root in the document, nested ones included, except those of Refully's own hosts
  // (panel, badges: they are not part of Seller Central). Iterative, so deep pages cannot overflow the stack.
  function openShadowRoots(isOwnNode) {
    const found = [];
    const pending = [document];
    const filter = { acceptNode: node => (isOwnNode(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) };
    while (pending.length > 0) {
      const root = pending.pop();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT, filter);
      for (let element = walker.nextNode(); element; element = walker.nextNode()) {
        if (element.shadowRoot) {
          found.push(element.shadowRoot);
          pending.push(element.shadowRoot);
        }
      }
    }
    return found;
  }

  // { url, title, capturedAt, html, shadowRoots } for the current document. `shadowRoots` is returned so
  // the watcher can observe mutations inside them (a document observer does not see into shadow trees)
  // and the badges can look for rows inside them.
  function capturePage(isOwnNode) {
    const shadowRoots = openShadowRoots(isOwnNode);
    const body = Refully.ownNodes.stripFrom(document.documentElement.getHTML({ shadowRoots }));
    return {
      url: location.href,
      title: document.title,
      capturedAt: new Date().toISOString(),
      html: (document.doctype ? "<!DOCTYPE html>" : "") + body,
      shadowRoots,
    };
  }

  return { capturePage, openShadowRoots };
})();
