// Writes one draft value into one control the way a person typing would leave it, so the page's framework
// (Katal, React) sees the change: the native value setter of the element's prototype (a framework's own
// setter on the instance would swallow a plain `.value =`), then `input` and `change` events that bubble
// and are composed (they leave the shadow roots Katal keeps its inputs in). kat-dropdown: the kat-option whose
// value or text equals the value is selected (value attribute on the dropdown, selected on the option) and the
// dropdown dispatches input/change. Filled controls get an outline (no layout change) and a data attribute.
// Never clicks a button and never submits a form.
globalThis.Refully ??= {};

Refully.claimFill = (() => {
  const HIGHLIGHT = "2px solid #1e8e3e";
  const events = (el, value) => {
    el.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true, inputType: "insertText", data: value }));
    el.dispatchEvent(new Event("change", { bubbles: true, composed: true }));
  };

  function setNative(el, value) {
    const proto = el.localName === "textarea" ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, "value").set.call(el, value);
    events(el, value);
    return el.value === value;
  }

  function optionsOf(dropdown) {
    return [...dropdown.querySelectorAll("kat-option"), ...(dropdown.shadowRoot?.querySelectorAll("kat-option") ?? [])];
  }

  function setDropdown(dropdown, value) {
    const wanted = value.trim().toLowerCase();
    const option = optionsOf(dropdown).find(o => (o.getAttribute("value") ?? "").trim().toLowerCase() === wanted)
      ?? optionsOf(dropdown).find(o => o.textContent.trim().toLowerCase() === wanted);
    if (!option) {
      return false;
    }
    const optionValue = option.getAttribute("value") ?? option.textContent.trim();
    for (const other of optionsOf(dropdown)) {
      other.toggleAttribute("selected", other === option);
    }
    dropdown.setAttribute("value", optionValue);
    const select = dropdown.shadowRoot?.querySelector("select");
    if (select) {
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value").set.call(select, optionValue);
    }
    events(dropdown, optionValue);
    return dropdown.getAttribute("value") === optionValue;
  }

  // Fills `control` with `value`; answers true when the control now holds exactly that value.
  function fill(control, value) {
    let ok;
    if (control.localName === "kat-dropdown") {
      ok = setDropdown(control, value);
    } else {
      const inner = Refully.claimFields.innerOf(control);
      ok = inner ? setNative(inner, value) : false;
    }
    if (ok) {
      control.style.setProperty("outline", HIGHLIGHT, "important");
      control.style.setProperty("outline-offset", "1px", "important");
      control.setAttribute("data-refully-filled", "");
    }
    return ok;
  }

  return { fill };
})();
