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

  // view: { items: [{finding, anchors}], summary, placed: Map(id → rows), onDismissed }
  function build({ items, summary, placed, onDismissed }) {
    const totals = element("p", { className: "totals", "data-part": "totals" }, format.totals(summary));
    if (items.length === 0) {
      return [totals];
    }
    return [totals, element("ul", { className: "findings", "data-part": "findings" },
      ...items.map(item => entry(item, placed.get(item.finding.id)?.length ?? 0, onDismissed)))];
  }

  // One finding's entry, cloned from a template built once and filled with text.
  let template = null;
  const cloneEntry = () => (template ??= element("li", { className: "finding" },
    element("div", { className: "head" }, element("span", { className: "dot" }), element("span", { className: "type" }), element("span")),
    element("p", { className: "facts", "data-part": "facts" }),
    element("p", { className: "where", "data-part": "where" }))).cloneNode(true);

  function entry({ finding }, rows, onDismissed) {
    const status = format.status(finding.status);
    const li = cloneEntry();
    li.dataset.findingId = finding.id;
    li.dataset.status = finding.status;
    li.dataset.rows = String(rows);
    const [head, facts, where] = li.children;
    const [dot, type, label] = head.children;
    dot.style.setProperty("--status", status.color);
    type.textContent = format.type(finding.type);
    label.textContent = status.label;
    facts.textContent = `${format.units(finding.units)} · ${format.money(finding.amount, finding.currency)} · ${format.deadline(finding)}`;
    where.textContent = rows === 0 ? "Not in a row on this page" : `Marked on ${rows} ${rows === 1 ? "row" : "rows"}`;
    li.append(Refully.findingActions.build(finding, { onDismissed }));
    return li;
  }

  return { build, STYLE };
})();
