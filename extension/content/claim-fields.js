// Finds the form controls a claim draft's fields go into, wherever Seller Central draws them: the document,
// every open shadow root (Katal keeps its real inputs there) and every same-origin iframe, nested in any order
// (the Hill contact form: iframe → spl-hill-form's shadow root → iframe → kat-input's shadow root → <input>).
// Decision: the top frame's content script reaches into same-origin iframes (contentDocument) instead of
// running in every frame (all_frames), so one script sees the whole form, one card lists the result, and the
// page capture stays a top-frame affair. Cross-origin frames are skipped (their document is null).
// A control is matched to a field by the field `name`'s known labels (English and the languages Refully
// drafts in), the draft's own localized label, and the control's name / id / aria-label / placeholder /
// label attributes, the <label> for it, a kat-label next to it, or the Hill row label (.meld-label-description).
globalThis.Refully ??= {};

Refully.claimFields = (() => {
  // Known labels per draft field name (docs/claims-filing.md §3). Longer, more specific texts win.
  const SYNONYMS = {
    fnsku: ["FNSKU", "Fulfillment network SKU"],
    asin: ["ASIN"],
    transactionItemId: ["Transaction Item ID", "Transaction ID", "Transaktionsartikel-ID", "Transaktions-ID"],
    orderId: ["Order ID", "Customer order ID", "Amazon order ID", "Bestellnummer", "Kundenbestellnummer", "numéro de la commande client", "注文番号"],
    shipmentId: ["Shipment ID", "Sendungsnummer", "Versand-ID", "Sendungs-ID"],
    removalOrderId: ["Removal order ID", "Remissionsauftragsnummer", "Removal ID"],
    reimbursementId: ["Reimbursement ID", "Erstattungs-ID", "Erstattungsnummer"],
    quantity: ["Quantity", "Qty", "Units", "Number of units", "Menge", "Anzahl", "Stückzahl", "Quantité", "Quantità", "Cantidad", "数量"],
    subject: ["Subject", "Short description", "Betreff", "Objet", "Oggetto", "Asunto", "件名"],
    description: ["Description", "Describe your issue", "Details", "Message", "Beschreibung", "Nachricht", "Ihre Nachricht", "Descrizione", "Descripción", "説明"],
  };
  const KATAL = new Set(["kat-input", "kat-textarea", "kat-dropdown"]);
  const TEXT_TYPES = new Set(["", "text", "number", "search", "email", "tel", "url"]);

  const norm = text => (text || "").toLowerCase().normalize("NFKC").replace(/[^\p{L}\p{N}]+/gu, "");

  // Every document / shadow root reachable from `start`, skipping Refully's own hosts.
  function* roots(start, isOwnNode) {
    yield start;
    for (const el of start.querySelectorAll("*")) {
      if (isOwnNode(el)) {
        continue;
      }
      if (el.shadowRoot && !KATAL.has(el.localName)) {
        yield* roots(el.shadowRoot, isOwnNode);
      }
      if (el.localName === "iframe" || el.localName === "frame") {
        let doc = null;
        try {
          doc = el.contentDocument;
        } catch {
          doc = null; // cross-origin
        }
        if (doc?.documentElement) {
          yield* roots(doc, isOwnNode);
        }
      }
    }
  }

  // The native element a control's value lives in (a Katal host's inner input/textarea), or the host itself.
  function innerOf(control) {
    if (control.localName === "kat-input") return control.shadowRoot?.querySelector("input") ?? null;
    if (control.localName === "kat-textarea") return control.shadowRoot?.querySelector("textarea") ?? null;
    return control.localName === "kat-dropdown" ? control : control;
  }

  function isFillable(el) {
    if (KATAL.has(el.localName)) {
      return !el.hasAttribute("disabled") && !el.hasAttribute("readonly");
    }
    if (el.localName === "textarea") return !el.disabled && !el.readOnly && !el.getRootNode().host?.localName?.startsWith("kat-");
    if (el.localName === "input") {
      return TEXT_TYPES.has((el.getAttribute("type") || "").toLowerCase()) && !el.disabled && !el.readOnly
        && !el.getRootNode().host?.localName?.startsWith("kat-");
    }
    return false;
  }

  const attrs = el => ["name", "id", "aria-label", "placeholder", "label", "title"].map(a => el?.getAttribute?.(a)).filter(Boolean);
  const textOf = el => (el ? (el.getAttribute("text") || el.getAttribute("label") || el.textContent || el.shadowRoot?.textContent || "") : "");

  // The texts that name a control: its attributes, its inner input's, and the labels the page puts beside it.
  function namesOf(control) {
    const names = [...attrs(control), ...(control !== innerOf(control) ? attrs(innerOf(control)) : [])];
    const root = control.getRootNode();
    const id = control.getAttribute("id");
    if (id && root.querySelector) {
      for (const label of root.querySelectorAll(`label[for="${CSS.escape(id)}"], kat-label[for="${CSS.escape(id)}"]`)) names.push(textOf(label));
    }
    for (const labelledBy of (control.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean)) {
      names.push(textOf(root.getElementById?.(labelledBy)));
    }
    const wrapping = control.closest("label");
    if (wrapping) names.push(wrapping.textContent);
    let sibling = control.previousElementSibling;
    while (sibling && !isFillable(sibling)) {
      if (sibling.localName === "kat-label" || sibling.localName === "label" || sibling.matches(".meld-label-description")) {
        names.push(textOf(sibling));
        break;
      }
      sibling = sibling.previousElementSibling;
    }
    const row = control.closest(".meld-text-input, .meld-row, .form-row");
    if (row) names.push(textOf(row.querySelector(".meld-label-description, kat-label, label")));
    return names.filter(Boolean);
  }

  // How well a control's names fit a field: exact label 1000+, contained label its length, else 0.
  function score(names, field) {
    const wanted = [...(SYNONYMS[field.name] ?? []), field.label, field.name].map(norm).filter(w => w.length >= 3);
    let best = 0;
    for (const name of names.map(norm)) {
      if (name.includes("feedback")) return 0; // Amazon's feedback box is never a claim field
      for (const w of wanted) {
        if (name === w) best = Math.max(best, 1000 + w.length);
        else if (name.includes(w)) best = Math.max(best, w.length);
      }
    }
    return best;
  }

  // { matches: [{ field, control }], missing: [field] }: each control gets at most one field, best fits first.
  function match(fields, isOwnNode) {
    const controls = [];
    for (const root of roots(document, isOwnNode)) {
      for (const el of root.querySelectorAll("input, textarea, kat-input, kat-textarea, kat-dropdown")) {
        if (isFillable(el) && !el.hasAttribute("data-refully-filled")) controls.push({ el, names: namesOf(el) });
      }
    }
    const pairs = [];
    for (const field of fields) {
      for (const control of controls) {
        const s = score(control.names, field);
        if (s > 0) pairs.push({ field, control: control.el, s });
      }
    }
    pairs.sort((a, b) => b.s - a.s);
    const usedFields = new Set();
    const usedControls = new Set();
    const matches = [];
    for (const pair of pairs) {
      if (!usedFields.has(pair.field.name) && !usedControls.has(pair.control)) {
        usedFields.add(pair.field.name);
        usedControls.add(pair.control);
        matches.push({ field: pair.field, control: pair.control });
      }
    }
    return { matches, missing: fields.filter(f => !usedFields.has(f.name)) };
  }

  return { match, roots, innerOf };
})();
