// The small panel Refully draws into Seller Central. It lives in its own shadow root, so the page's CSS
// cannot restyle it and its CSS cannot leak into the page; it is fixed in a corner, so it takes no room
// in the page's layout. Everything the companion says is written with textContent, never as HTML.
// The root is open (not closed) so tests and accessibility tools can read it; it shows nothing the page
// does not already hold.
globalThis.Refully ??= {};

Refully.panel = (() => {
  const STYLE = `
    :host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483646;
            font: 13px/1.4 system-ui, sans-serif; color: #1f1f1f; }
    .panel { width: 300px; max-height: 50vh; overflow: auto; background: #fff; border: 1px solid #c9cccf;
             border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18); }
    header { display: flex; align-items: center; gap: 8px; padding: 6px 10px; background: #0f7a57; color: #fff;
             border-radius: 7px 7px 0 0; }
    header .brand { font-weight: 600; flex: 1; }
    header button { all: unset; cursor: pointer; padding: 0 6px; font-size: 16px; line-height: 1; }
    .body { padding: 8px 10px; }
    .panel.collapsed .body { display: none; }
    .panel.collapsed header { border-radius: 7px; }
    .state { font-weight: 600; margin: 0 0 4px; }
    .hint { margin: 0; color: #5f6368; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 0 0 6px; }
    dt { color: #5f6368; }
    dd { margin: 0; }
    ul { margin: 4px 0 0; padding-left: 18px; }
    .error { color: #b3261e; }
    .body[data-state="reading"] > :not([data-part="reading"]) { display: none; }
    ${Refully.panelFindings.STYLE}
  `;
  const { element, shadowHost } = Refully.dom;

  let host = null;
  let body = null;

  let findings = null; // the findings section of the last answer, when the companion sent findings

  function ensure() {
    if (host?.isConnected) {
      return;
    }
    let root;
    ({ host, root } = shadowHost("refully-panel", STYLE));
    const panel = element("section", { className: "panel", "aria-label": "Refully" });
    const toggle = element("button", { type: "button", title: "Collapse", "aria-expanded": "true" }, "–");
    toggle.addEventListener("click", () => {
      const collapsed = panel.classList.toggle("collapsed");
      toggle.textContent = collapsed ? "+" : "–";
      toggle.title = collapsed ? "Expand" : "Collapse";
      toggle.setAttribute("aria-expanded", String(!collapsed));
    });
    panel.append(element("header", {}, element("span", { className: "brand" }, "Refully"), toggle));
    body = element("div", { className: "body", "data-part": "body" });
    panel.append(body);
    root.append(panel);
    document.documentElement.append(host);
  }

  function render(state, ...content) {
    ensure();
    findings = null;
    body.dataset.state = state;
    body.replaceChildren(...content);
  }

  const readingHint = () => element("p", { className: "hint", "data-part": "reading" }, "Reading this page…");

  // A new page is being read. Over an earlier answer (SPA navigation) that answer is only hidden, not taken out:
  // its findings list stays in place for the next answer, which redraws only what differs (see showAnswer). Already
  // reading: nothing to do (the re-apply after a navigation shows this before the capture does).
  function showReading() {
    if (body?.dataset.state === "reading" && host.isConnected) {
      return;
    }
    if (body?.dataset.state === "paired" && host.isConnected && findings) {
      body.dataset.state = "reading";
      body.prepend(readingHint());
      return;
    }
    render("reading", readingHint());
  }

  function showNeedsPairing() {
    render("needs-pairing",
      element("p", { className: "state" }, "Pair Refully with the companion"),
      element("p", { className: "hint" }, "Click the Refully button in the toolbar, press Pair and type the code the companion shows."));
  }

  function showOffline() {
    render("offline",
      element("p", { className: "state" }, "Companion offline"),
      element("p", { className: "hint" }, "Start the Refully companion on this computer; this page is read again when it answers."));
  }

  function showError(message) {
    render("error",
      element("p", { className: "state error" }, "The companion could not read this page"),
      element("p", { className: "hint" }, message));
  }

  // Page type, marketplace, the recognised tables, then (when the companion sent findings) the findings
  // section: view = { items, summary, placed, onDismissed } (see panel-findings.js).
  function showAnswer(answer, view) {
    const facts = element("dl", {},
      element("dt", {}, "Page"), element("dd", { "data-part": "page-type" }, answer.recognised ? answer.pageType : "Not a page Refully reads yet"),
      element("dt", {}, "Marketplace"), element("dd", { "data-part": "marketplace" }, answer.marketplace ?? "unknown"));
    const tables = element("ul", { "data-part": "tables" }, ...answer.tables.map(table =>
      element("li", { "data-part": "table" },
        element("span", { "data-part": "table-headers" }, table.headers.join(" · ") || "(no headers)"),
        ` — ${table.rows} ${table.rows === 1 ? "row" : "rows"}`)));
    const tableTitle = element("p", { className: "hint" }, answer.tables.length === 0 ? "No tables on this page." : `${answer.tables.length} table(s):`);
    // The findings section of the answer shown before (or hidden while reading) stays where it is: moving its
    // entries out and back costs the page's main thread ~2 ms for 45 findings (docs/extension.md "Seventh round").
    const kept = host?.isConnected && findings?.parentNode === body ? findings : null;
    if (kept) {
      for (let child = body.firstChild; child;) {
        const next = child.nextSibling;
        if (child !== kept) {
          child.remove();
        }
        child = next;
      }
      body.dataset.state = "paired";
      kept.before(facts, tableTitle, tables);
      if (!view) {
        kept.replaceChildren();
      }
    } else {
      const section = element("section", { "data-part": "findings-section" });
      render("paired", facts, tableTitle, tables, section);
      findings = section;
    }
    if (view) {
      showFindings(view);
    }
  }

  // Redraws only the findings section (after a dismissal, or when the rows a finding is on changed).
  function showFindings(view) {
    if (findings) {
      Refully.panelFindings.fill(findings, view);
    }
  }

  return {
    get host() { return host; },
    get state() { return body?.dataset.state ?? ""; },
    showAnswer, showError, showFindings, showNeedsPairing, showOffline, showReading,
  };
})();
