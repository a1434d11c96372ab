// Where findings can be shown: the page's rows. A row is a <tr>, a Katal <kat-table-row> or anything with
// role="row", in the document or inside an open shadow root. Its text is its light-DOM text (what Katal
// slots into its cells) with a tab between text nodes, so cells never run together ("Shipments8712345001"
// would hide the reference id); a badge goes into its last cell, or at its end when it has no cells.
globalThis.Refully ??= {};

Refully.rows = (() => {
  const ROW = "tr, kat-table-row, [role=row]";
  const CELL = "td, th, kat-table-cell, [role=cell], [role=gridcell], [role=rowheader], [role=columnheader]";

  // Every row under the document and the given open shadow roots (Refully's own roots are never passed).
  function findRows(shadowRoots) {
    const rows = [...document.querySelectorAll(ROW)];
    for (const root of shadowRoots) {
      const inRoot = root.querySelectorAll(ROW);
      for (let i = 0; i < inRoot.length; i++) {
        rows.push(inRoot[i]);
      }
    }
    return rows;
  }

  function rowText(row) {
    const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    let text = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      text += node.data;
      text += "\t";
    }
    return text;
  }

  // The cell a badge goes into: the row's last cell, else (role=row without cell roles) its last element
  // child, else the row itself. Refully's own nodes are never taken for cells.
  function badgeSlot(row, isOwnNode) {
    let lastChild = null;
    for (let child = row.lastElementChild; child; child = child.previousElementSibling) {
      if (isOwnNode(child)) {
        continue;
      }
      if (child.matches(CELL)) {
        return child;
      }
      lastChild ??= child;
    }
    return row.localName !== "tr" && row.localName !== "kat-table-row" && lastChild && !lastChild.matches(ROW) ? lastChild : row;
  }

  return { badgeSlot, findRows, rowText };
})();
