// Small DOM helpers. Every piece of data goes in as text (textContent / text nodes), never as HTML.

/**
 * Creates an element. `props`: `class`, `text` (textContent), `dataset`, `on<event>` listeners, DOM properties
 * given as non-strings (`checked: true`), anything else as an attribute. Children are nodes or text.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (typeof value !== 'string' && key in el) el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends nodes or text (null/undefined/false are skipped, arrays flattened). */
export function append(el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The dashboard page has no #${id}`);
  return el;
}

/** Shows a one-line message in a live region; kind is "info", "ok" or "error". */
export function say(el, text, kind = 'info') {
  el.textContent = text ?? '';
  el.dataset.kind = kind;
  el.hidden = !text;
}

/** A table body row from cell contents (nodes or text). */
export function row(cells, props = {}) {
  return h('tr', props, cells.map((cell) => h('td', {}, cell)));
}

/** A copy-to-clipboard button for a value; reports the outcome in `status`. */
export function copyButton(label, value, status) {
  return h('button', {
    type: 'button', class: 'copy', 'aria-label': `Copy ${label}`,
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(value ?? '');
        say(status, `${label} copied.`, 'ok');
      } catch {
        say(status, `Could not copy ${label}: select the text and copy it by hand.`, 'error');
      }
    },
  }, 'Copy');
}
