// Serialises the page the way the seller sees it. Katal (`kat-*`) components keep their text and their
// real inputs in open shadow roots, which outerHTML drops; getHTML({ shadowRoots }) (Chrome 125+) writes
// each root we pass as <template shadowrootmode="open">, which the companion reads back.
globalThis.Refully ??= {};

Refully.capture = (() => {
  // A root that only styles its host and shows the host's own children (<style> + one default <slot>, as
  // Katal's table rows and body cells have): composing it gives exactly the light children, so serialising
  // it adds nothing but bytes. On a 500-row Katal table these are ~6,000 of the page's roots.
  function isPassThrough(root) {
    let slots = 0;
    for (let node = root.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.localName === "slot" && !node.hasAttribute("name") && !node.firstChild) {
          slots++;
        } else if (node.localName !== "style" && node.localName !== "link") {
          return false;
        }
      } else if (node.nodeType === Node.TEXT_NODE && node.data.trim() !== "") {
        return false;
      }
    }
    return slots === 1;
  }

  // Every open shadow root in the document that is not pass-through, nested ones included, except those of
  // Refully's own hosts (panel, badges: not part of Seller Central; they have no light children, so skipping
  // their root skips everything of theirs). Iterative, so deep pages cannot overflow the stack.
  function openShadowRoots(isOwnNode) {
    const found = [];
    const pending = [document];
    while (pending.length > 0) {
      const elements = pending.pop().querySelectorAll("*");
      for (let i = 0; i < elements.length; i++) {
        const root = elements[i].shadowRoot;
        if (root && !isOwnNode(elements[i]) && !isPassThrough(root)) {
          found.push(root);
          pending.push(root);
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

  return { capturePage, isPassThrough, openShadowRoots };
})();
