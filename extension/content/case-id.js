// Finds the case id Seller Central shows once a case was created: `caseID=` in the URL (the case page,
// /cu/case-dashboard/view-case?caseID=…), or a confirmation sentence with a 10–11 digit id after a case word
// (EN "Case ID: 12345678901", "Your case 12345678901 was created"; DE "Fall-ID: …", "Ihre Fallnummer lautet …",
// "Anfrage-ID …"), read from the document, its open shadow roots and same-origin iframes. Used only while the tab
// has a pending claim, so a case number elsewhere on Seller Central is never taken for a new filing.
globalThis.Refully ??= {};

Refully.caseId = (() => {
  const IN_TEXT = /\b(?:case|fall|fallnummer|fall-id|anfrage|anfrage-id|vorgang|vorgangsnummer)\b[^\d\n]{0,40}?(?<!\d)(\d{10,11})(?!\d)/i;

  function fromUrl(url) {
    const params = new URL(url).searchParams;
    const id = params.get("caseID") ?? params.get("caseId");
    return id && /^\d{5,20}$/.test(id) ? id : null;
  }

  function textOf(root) {
    const parts = [];
    const walker = (root.ownerDocument ?? root).createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!["SCRIPT", "STYLE", "TEXTAREA"].includes(node.parentNode?.nodeName)) parts.push(node.data);
    }
    return parts.join(" ");
  }

  function fromPage(isOwnNode) {
    for (const root of Refully.claimFields.roots(document, isOwnNode)) {
      const match = IN_TEXT.exec(textOf(root).replace(/\s+/g, " "));
      if (match) return match[1];
    }
    return null;
  }

  return { find: isOwnNode => fromUrl(location.href) ?? fromPage(isOwnNode), IN_TEXT };
})();
