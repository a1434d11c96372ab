// The Refully card on a case form: what was filled (highlighted in the form), what could not be filled (with
// its value and a Copy button, for the seller to type), the attachments checklist, the draft's notes, and
// later "Filed as case …". Drawn in its own shadow root (<refully-claim-card>), text only, fixed to the top
// right of the window (no layout change). It has no submit button: the seller submits Amazon's form.
globalThis.Refully ??= {};

Refully.claimCard = (() => {
  const { element, shadowHost } = Refully.dom;

  const STYLE = `
    :host { all: initial; position: fixed; top: 12px; right: 12px; z-index: 2147483647; }
    .card { width: 320px; max-height: 80vh; overflow: auto; box-sizing: border-box; padding: 10px 12px; background: #fff;
            border: 1px solid #c9cccf; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18);
            font: 12px/1.4 system-ui, sans-serif; color: #1f1f1f; }
    h2 { font-size: 13px; margin: 0 0 4px; }
    h3 { font-size: 12px; margin: 8px 0 2px; }
    ul { margin: 0; padding-left: 16px; }
    li { margin: 2px 0; }
    .value { color: #3c4043; word-break: break-word; }
    .status { margin: 0; }
    .filed { margin: 6px 0 0; font-weight: 600; color: #1e8e3e; }
    .error { margin: 6px 0 0; color: #b3261e; }
    .filed:empty, .error:empty, section[hidden] { display: none; }
    button { font: inherit; cursor: pointer; margin-left: 6px; padding: 0 6px; border: 1px solid #c9cccf; border-radius: 4px; background: #f8f9fa; }
    .close { float: right; margin: 0; border: none; background: none; font-size: 14px; }
  `;

  let current = null;
  const shorten = text => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

  async function copy(text, button) {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = element("textarea", { style: "position:fixed;left:-9999px" });
      area.value = text;
      button.getRootNode().append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    button.textContent = "Copied";
  }

  function section(part, title, items) {
    return element("section", { "data-part": part, hidden: items.length === 0 }, element("h3", {}, title), element("ul", {}, ...items));
  }

  // draft: the ClaimDraft; filled: [{field}]; missing: [field]; done: false while the form may still be loading.
  function show(draft, { filled, missing, done }) {
    if (!current) {
      const { host, root } = shadowHost("refully-claim-card", STYLE);
      const card = element("div", { className: "card", role: "dialog", "aria-label": "Refully claim" });
      root.append(card);
      document.documentElement.append(host);
      current = { host, card, filed: element("p", { className: "filed", "data-part": "filed", role: "status" }), error: element("p", { className: "error", "data-part": "error", role: "alert" }) };
    }
    const close = element("button", { type: "button", className: "close", "aria-label": "Close", "data-action": "close" }, "×");
    close.addEventListener("click", () => { current.host.hidden = true; });
    const status = done
      ? `Filled ${filled.length} of ${filled.length + missing.length} fields. Check them, attach the documents, then press Submit yourself.`
      : `Filling… ${filled.length} of ${filled.length + missing.length} fields so far.`;
    const filledItems = filled.map(({ field }) => element("li", { "data-name": field.name }, `${field.label}: `, element("span", { className: "value" }, shorten(field.value))));
    const missingItems = missing.map(field => {
      const button = element("button", { type: "button", "data-action": "copy", "aria-label": `Copy ${field.label}` }, "Copy");
      button.addEventListener("click", event => { if (event.isTrusted) copy(field.value, button); });
      return element("li", { "data-name": field.name }, `${field.label}: `, element("span", { className: "value" }, shorten(field.value)), button);
    });
    const attachments = (draft.attachments ?? []).map(a => element("li", { "data-kind": a.kind },
      element("label", {}, element("input", { type: "checkbox" }), ` ${a.label}${a.required ? " (required)" : ""}`)));
    const notes = (draft.notes ?? []).map(n => element("li", {}, n));
    current.card.replaceChildren(
      close,
      element("h2", {}, `Refully: ${draft.fileAt?.tool ?? "claim"}`),
      element("p", { className: "status", "data-part": "status" }, status),
      section("filled", "Filled (outlined in green)", filledItems),
      section("unfilled", done ? "Not filled: please type these" : "Not found yet", missingItems),
      section("attachments", "Attach", attachments),
      section("notes", "Notes", notes),
      current.filed, current.error);
  }

  // "Filed as case …" (also on a page with no form: the confirmation page).
  function showFiled(text) {
    if (!current) {
      show({ attachments: [], notes: [], fileAt: {} }, { filled: [], missing: [], done: true });
      current.card.querySelector("[data-part=status]").textContent = "";
    }
    current.filed.textContent = text;
  }

  function showError(text) {
    if (!current) {
      show({ attachments: [], notes: [], fileAt: {} }, { filled: [], missing: [], done: true });
      current.card.querySelector("[data-part=status]").textContent = "";
    }
    current.error.textContent = text;
  }

  return { show, showFiled, showError };
})();
