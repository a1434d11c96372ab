// A stand-in for the Katal form controls of a Hill case form, defined at run time with OPEN shadow roots:
// kat-input / kat-textarea keep their real <input>/<textarea> inside the shadow root and re-announce nothing
// (the page reads them through composed input/change events, as Katal's consumers do); kat-dropdown shows its
// selection in a shadow-root header and follows its `value` attribute; kat-label shows its `text` in its shadow
// root; kat-button's real <button> is in its shadow root.
(() => {
  const define = (name, cls) => customElements.get(name) || customElements.define(name, cls);

  define("kat-label", class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const label = document.createElement("label");
      label.textContent = this.getAttribute("text") ?? "";
      this.attachShadow({ mode: "open" }).append(label);
    }
  });

  define("kat-input", class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const input = document.createElement("input");
      input.type = this.getAttribute("type") ?? "text";
      this.attachShadow({ mode: "open" }).append(input);
    }
    get value() { return this.shadowRoot?.querySelector("input").value ?? ""; }
  });

  define("kat-textarea", class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const area = document.createElement("textarea");
      if (this.hasAttribute("placeholder")) area.placeholder = this.getAttribute("placeholder");
      this.attachShadow({ mode: "open" }).append(area);
    }
    get value() { return this.shadowRoot?.querySelector("textarea").value ?? ""; }
  });

  define("kat-option", class extends HTMLElement {});

  define("kat-dropdown", class extends HTMLElement {
    static observedAttributes = ["value"];
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: "open" });
      const header = document.createElement("div");
      header.className = "select-header";
      header.textContent = this.getAttribute("placeholder") ?? "Select";
      root.append(header, document.createElement("slot"));
    }
    attributeChangedCallback() {
      const option = [...this.querySelectorAll("kat-option")].find(o => o.getAttribute("value") === this.getAttribute("value"));
      const header = this.shadowRoot?.querySelector(".select-header");
      if (header && option) header.textContent = option.textContent;
    }
    get value() { return this.getAttribute("value") ?? ""; }
  });

  define("kat-button", class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = this.getAttribute("label") ?? "";
      this.attachShadow({ mode: "open" }).append(button);
    }
  });
})();
