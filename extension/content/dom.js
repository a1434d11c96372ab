// Builds the elements Refully draws. Text is always set as text (textContent / Text nodes), never as HTML.
globalThis.Refully ??= {};

Refully.dom = (() => {
  // element("p", { className: "hint", "data-part": "x" }, "text", childElement, …)
  function element(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === "className") {
        node.className = value;
      } else if (value !== null && value !== undefined && value !== false) {
        node.setAttribute(key, value === true ? "" : value);
      }
    }
    node.append(...children);
    return node;
  }

  // One constructed stylesheet per CSS text, shared by every root that uses it (a page with 100 badges
  // parses their CSS once); a <style> element where adopting is not available.
  const sheets = new Map();
  function adoptStyle(root, css) {
    try {
      let sheet = sheets.get(css);
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        sheets.set(css, sheet);
      }
      root.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement("style");
      style.textContent = css;
      root.append(style);
    }
  }

  // A host element for Refully's UI with an open shadow root holding `css`. Key and pointer events stop at
  // the shadow root, so typing a reason or clicking a button never reaches the page's own shortcuts or row
  // click handlers. The host is registered as Refully's own node (see own-nodes.js).
  const FENCED = ["click", "dblclick", "mousedown", "mouseup", "pointerdown", "pointerup", "keydown", "keyup", "keypress", "input", "change", "submit", "focusin", "focusout"];
  const stop = event => event.stopPropagation();
  function shadowHost(tag, css) {
    const host = Refully.ownNodes.register(document.createElement(tag));
    const root = host.attachShadow({ mode: "open" });
    adoptStyle(root, css);
    for (const type of FENCED) {
      root.addEventListener(type, stop);
    }
    return { host, root };
  }

  return { element, shadowHost };
})();
