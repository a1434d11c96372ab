// A stand-in for Amazon's Katal component library, as Seller Central loads it: a separate script that
// defines `kat-*` custom elements which attach OPEN shadow roots at run time. The header cells' texts
// exist only inside their shadow roots (they come from this script, not from the page's HTML), like the
// labels Katal renders, so a capture that misses shadow roots misses them.
(() => {
  const LABELS = {
    "date": "Date",
    "fnsku": "FNSKU",
    "asin": "ASIN",
    "event-type": "Event Type",
    "quantity": "Quantity",
    "reason": "Reason",
    "approval-date": "Approval date",
    "reimbursement-id": "Reimbursement ID",
    "amount-total": "Amount total",
    "summary": "Ledger summary",
    "msku": "MSKU",
    "title": "Title",
    "reference-id": "Reference ID",
    "fulfillment-center": "Fulfillment Center",
    "disposition": "Disposition",
    "case-id": "Case ID",
    "amazon-order-id": "Amazon Order ID",
    "amount-per-unit": "Amount per unit",
  };

  const STYLES = {
    "kat-table": ":host{display:table;border-collapse:collapse;width:100%}",
    "kat-table-head": ":host{display:table-header-group;font-weight:bold}",
    "kat-table-body": ":host{display:table-row-group}",
    "kat-table-row": ":host{display:table-row}",
  };

  class SlottedElement extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: "open" });
      root.innerHTML = `<style>${STYLES[this.localName] ?? ""}</style><slot></slot>`;
    }
  }
  for (const name of Object.keys(STYLES)) {
    customElements.define(name, class extends SlottedElement {});
  }

  // <kat-table-cell header="event-type"> shows its label from its shadow root; body cells slot their text.
  customElements.define("kat-table-cell", class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: "open" });
      const key = this.getAttribute("header");
      root.innerHTML = `<style>:host{display:table-cell;padding:4px 8px;border:1px solid #ddd}</style>`;
      const content = key ? document.createElement("span") : document.createElement("slot");
      if (key) content.textContent = LABELS[key] ?? key;
      root.append(content);
    }
  });

  // <kat-button label="…">: the visible text and the real <button> live in the shadow root.
  customElements.define("kat-button", class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: "open" });
      const button = document.createElement("button");
      button.textContent = this.getAttribute("label") ?? "";
      root.append(button);
    }
  });

  // <kat-box heading-key="…">: nests a kat-heading (with its own shadow root) inside its shadow root.
  customElements.define("kat-heading", class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const heading = document.createElement("h2");
      heading.textContent = LABELS[this.getAttribute("key")] ?? "";
      this.attachShadow({ mode: "open" }).append(heading);
    }
  });
  customElements.define("kat-box", class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: "open" });
      const heading = document.createElement("kat-heading");
      heading.setAttribute("key", this.getAttribute("heading-key") ?? "");
      root.append(heading, document.createElement("slot"));
    }
  });

})();
