// One badge: a compact chip (status colour, units, amount, deadline) in a <refully-badge> host with its own
// shadow root. The host is an inline-block that adds no cell and no row, so the table keeps its structure;
// clicking the chip opens a card over the page (absolutely positioned: no reflow) with the explanation and
// the actions. The host carries data-refully-finding="<finding id>" and data-status for scripts and tests.
globalThis.Refully ??= {};

Refully.badge = (() => {
  const { element, shadowHost } = Refully.dom;
  const { format } = Refully;

  const STYLE = `
    :host { all: initial; display: inline-block; position: relative; vertical-align: middle; margin: 0 0 0 6px;
            font: 11px/16px system-ui, sans-serif; color: #1f1f1f; }
    .chip { all: unset; box-sizing: border-box; cursor: pointer; display: inline-flex; align-items: center; gap: 4px;
            padding: 0 6px; border: 1px solid var(--status); border-radius: 9px; background: #fff; color: #1f1f1f;
            white-space: nowrap; }
    .chip:focus-visible { outline: 2px solid var(--status); outline-offset: 1px; }
    .dot { width: 7px; height: 7px; border-radius: 50%; background: var(--status); }
    .sep { color: #80868b; }
    .card { position: absolute; top: calc(100% + 4px); right: 0; z-index: 2147483647; width: 300px; box-sizing: border-box;
            padding: 8px 10px; background: #fff; border: 1px solid #c9cccf; border-radius: 8px;
            box-shadow: 0 4px 16px rgba(0,0,0,.18); font-size: 12px; line-height: 1.4; white-space: normal; text-align: left; }
    .card[hidden] { display: none; }
    .title { font-weight: 600; margin: 0 0 4px; }
    .explanation { margin: 0; color: #3c4043; }
    ${Refully.findingActions.STYLE}
  `;

  // What a badge shows, and whose it is (a kept host may be drawn for another finding: its card must follow).
  const signature = ({ finding: f }) => [f.id, f.status, f.units, f.amount, f.currency, f.deadline, f.explanation].join("|");

  // The chip (button with status dot, units, amount, deadline) is built once and cloned for every badge:
  // one native deep clone instead of seven elements built one by one.
  let chipTemplate = null;
  const cloneChip = () => (chipTemplate ??= element("button", { type: "button", className: "chip", "aria-expanded": "false", "data-part": "chip" },
    element("span", { className: "dot", "data-part": "status" }),
    element("span", { "data-part": "units" }),
    element("span", { className: "sep" }, "·"),
    element("span", { "data-part": "amount" }),
    element("span", { className: "sep" }, "·"),
    element("span", { "data-part": "deadline" }))).cloneNode(true);

  function create(item, { onDismissed }) {
    const { host, root } = shadowHost("refully-badge", STYLE);
    const chip = cloneChip();
    const parts = chip.children;
    const texts = { units: parts[1], amount: parts[3], deadline: parts[5] };
    root.append(chip);
    let card = null; // built when first opened (a page shows many badges; few are opened)
    let current = item;
    let open = false;
    let shown = {}; // what the chip shows (drawChip)

    const closeOnOutsideClick = event => {
      if (!event.composedPath().includes(host)) {
        setOpen(false);
      }
    };
    function setOpen(opening) {
      if (!opening && !open) {
        return; // closed already: nothing to undo (a kept host is closed before it is drawn again)
      }
      open = opening;
      if (open) {
        card ??= root.appendChild(element("div", { className: "card", role: "dialog", "data-part": "card", hidden: true }));
        fillCard(card, current, onDismissed);
        document.addEventListener("click", closeOnOutsideClick, true);
      } else {
        document.removeEventListener("click", closeOnOutsideClick, true);
      }
      if (card) {
        card.hidden = !open;
      }
      chip.setAttribute("aria-expanded", String(open));
    }
    chip.addEventListener("click", event => {
      if (event.isTrusted) {
        setOpen(!card || card.hidden);
      }
    });
    host.refullyClose = () => setOpen(false);
    host.refullyDraw = next => {
      current = next;
      shown = drawChip(host, chip, texts, next, shown);
      if (card && !card.hidden) {
        fillCard(card, next, onDismissed);
      }
    };
    host.refullyDraw(item);
    return host;
  }

  // Each attribute, property and text is written only when it differs from what this host shows: a kept host
  // drawn for the next page's finding usually keeps its status, colour and title (writes from this world cost
  // a crossing into the page's DOM each).
  function drawChip(host, chip, texts, item, shown) {
    const { finding } = item;
    const status = format.status(finding.status);
    const title = `Refully: ${format.type(finding.type)}, ${status.label}`;
    const next = {
      id: finding.id, status: finding.status, color: status.color, title,
      units: format.units(finding.units), amount: format.money(finding.amount, finding.currency), deadline: format.deadline(finding),
    };
    if (shown.id !== next.id) {
      host.dataset.refullyFinding = next.id;
    }
    if (shown.status !== next.status) {
      host.dataset.status = next.status;
    }
    if (shown.color !== next.color) {
      chip.style.setProperty("--status", next.color);
    }
    if (shown.title !== title) {
      chip.title = title;
      chip.setAttribute("aria-label", title);
    }
    for (const part of ["units", "amount", "deadline"]) {
      if (shown[part] !== next[part]) {
        texts[part].textContent = next[part];
      }
    }
    host.refullySignature = signature(item);
    return next;
  }

  // The card's content is built when it is first opened, and again when its finding changed.
  function fillCard(card, item, onDismissed) {
    const key = signature(item);
    if (card.dataset.drawn === key) {
      return;
    }
    const { finding } = item;
    const status = format.status(finding.status);
    card.dataset.drawn = key;
    card.replaceChildren(
      element("p", { className: "title" }, `${format.type(finding.type)} · ${status.label}`),
      element("p", { className: "explanation", "data-part": "explanation" }, finding.explanation ?? ""),
      Refully.findingActions.build(finding, { onDismissed }));
  }

  // Redraws only when what the badge shows changed, so an open card (and a reason being typed) survives
  // answers that bring the same finding again.
  function update(host, item) {
    if (host.refullySignature !== signature(item)) {
      host.refullyDraw(item);
    }
  }

  // A host taken off the page (badges.js keeps some) drawn for another finding: closed, then drawn afresh.
  function reuse(host, item) {
    host.refullyClose();
    host.refullyDraw(item);
  }

  return { create, reuse, update };
})();
