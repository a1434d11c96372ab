// The panel's findings section: the totals line ("$312.40 claimable on this page, 2 expire this week") and
// every finding that concerns the page, including those no row shows (they appear only here), each with
// the same actions as its badge.
globalThis.Refully ??= {};

Refully.panelFindings = (() => {
  const { element } = Refully.dom;
  const { format } = Refully;

  const STYLE = `
    .totals { font-weight: 600; margin: 6px 0 4px; }
    .findings { list-style: none; margin: 0; padding: 0; }
    .finding { border-top: 1px solid #e8eaed; padding: 6px 0; }
    .finding .head { display: flex; align-items: center; gap: 6px; }
    .finding .dot { width: 8px; height: 8px; border-radius: 50%; flex: none; background: var(--status); }
    .finding .type { font-weight: 600; flex: 1; }
    .finding .facts, .finding .where { color: #5f6368; margin: 2px 0 0; }
    ${Refully.findingActions.STYLE}
  `;

  // Fills `section` with the totals line and the list: view = { items: [{finding, anchors}], summary,
  // placed: Map(id → rows), onDismissed }. The section's totals and list elements are kept from the last fill, and
  // the list's entries stay where they are when they are the same (entries are kept by position, below): only
  // what differs is written, and nothing is moved out of the page and back.
  function fill(section, { items, summary, placed, onDismissed }) {
    let totals = section.firstElementChild;
    if (totals?.dataset.part !== "totals") {
      totals = element("p", { className: "totals", "data-part": "totals" });
      section.replaceChildren(totals);
    }
    const text = format.totals(summary);
    if (totals.textContent !== text) {
      totals.textContent = text;
    }
    let list = totals.nextElementSibling;
    if (items.length === 0) {
      list?.remove();
      return;
    }
    if (list?.dataset.part !== "findings") {
      list = element("ul", { className: "findings", "data-part": "findings" });
      totals.after(list);
    }
    const shown = list.children;
    for (let i = 0; i < items.length; i++) {
      const li = entry(i, items[i], placed.get(items[i].finding.id)?.length ?? 0, onDismissed);
      if (shown[i] !== li) {
        list.insertBefore(li, shown[i] ?? null);
      }
    }
    while (shown.length > items.length) {
      list.lastElementChild.remove();
    }
  }

  // One finding's entry, cloned from a template built once and filled with text. The entries of the last list are
  // kept and drawn again for the next one (a new answer replaces the whole list: SPA pagination brings ~45 new
  // findings each time), writing only what differs; their actions are told which finding they now act on.
  let template = null;
  const cloneEntry = () => (template ??= element("li", { className: "finding" },
    element("div", { className: "head" }, element("span", { className: "dot" }), element("span", { className: "type" }), element("span")),
    element("p", { className: "facts", "data-part": "facts" }),
    element("p", { className: "where", "data-part": "where" }))).cloneNode(true);
  const entries = []; // { li, parts, actions, onDismissed, shown } by position in the list

  function entry(position, { finding }, rows, onDismissed) {
    let kept = entries[position];
    if (kept?.onDismissed !== onDismissed) {
      const li = cloneEntry();
      const [head, facts, where] = li.children;
      const [dot, type, label] = head.children;
      const actions = Refully.findingActions.build(finding, { onDismissed });
      li.append(actions);
      kept = entries[position] = { li, parts: { dot, type, label, facts, where }, actions, onDismissed, shown: {} };
    } else {
      kept.actions.refullyShow(finding);
    }
    const status = format.status(finding.status);
    const next = {
      id: finding.id, status: finding.status, rows: String(rows), color: status.color, type: format.type(finding.type), label: status.label,
      facts: `${format.units(finding.units)} · ${format.money(finding.amount, finding.currency)} · ${format.deadline(finding)}`,
      where: rows === 0 ? "Not in a row on this page" : `Marked on ${rows} ${rows === 1 ? "row" : "rows"}`,
    };
    const { li, parts, shown } = kept;
    if (shown.id !== next.id) {
      li.dataset.findingId = next.id;
    }
    if (shown.status !== next.status) {
      li.dataset.status = next.status;
    }
    if (shown.rows !== next.rows) {
      li.dataset.rows = next.rows;
    }
    if (shown.color !== next.color) {
      parts.dot.style.setProperty("--status", next.color);
    }
    for (const part of ["type", "label", "facts", "where"]) {
      if (shown[part] !== next[part]) {
        parts[part].textContent = next[part];
      }
    }
    kept.shown = next;
    return li;
  }

  return { fill, STYLE };
})();
