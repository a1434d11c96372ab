// Serialises the page the way the seller sees it. Katal (`kat-*`) components keep their text and their
// real inputs in open shadow roots, which outerHTML drops; getHTML({ shadowRoots }) (Chrome 125+) writes
// each root we pass as <template shadowrootmode="open">, which the companion reads back.
// What the companion never reads is left out, so it is neither serialised twice nor sent (see
// docs/extension.md "Capture size"): pass-through shadow roots, script bodies, Refully's own hosts, and the
// <style>/<script> a shadow root starts with (the companion drops exactly those before parsing:
// companion/Pages/ShadowStyles.cs, and leaves a root's style/script out when composing).
globalThis.Refully ??= {};

Refully.capture = (() => {
  const ELEMENT = 1;
  const TEXT = 3;

  // A root that only styles its host and shows the host's own children (<style> + one default <slot>, as
  // Katal's table rows and body cells have): composing it gives exactly the light children, so serialising
  // it adds nothing but bytes. On a 500-row Katal table these are ~6,000 of the page's roots.
  // (Run for every root of the page, ~6,000 on a 500-row table, so it asks the DOM as little as it can: HTML
  // <style>, <link> and <slot> elements are told by their interface (a prototype check inside the script
  // engine, no call into the DOM); any other node by its type and name, as before. The constructors are taken
  // when this script loads: in the page's world that is document_start, before any page script.)
  const { HTMLStyleElement: StyleElement, HTMLLinkElement: LinkElement, HTMLSlotElement: SlotElement } = globalThis;
  function isPassThrough(root) {
    let slots = 0;
    for (let node = root.firstChild; node; node = node.nextSibling) {
      if (node instanceof StyleElement || node instanceof LinkElement) {
        continue;
      }
      let slot = node instanceof SlotElement;
      if (!slot) {
        const type = node.nodeType;
        if (type === ELEMENT) {
          const name = node.localName;
          if (name !== "slot" && name !== "style" && name !== "link") {
            return false;
          }
          slot = name === "slot";
        } else if (type === TEXT && node.data.trim() !== "") {
          return false;
        }
      }
      if (slot && (slots++ !== 0 || node.firstChild || node.hasAttribute("name"))) {
        return false;
      }
    }
    return slots === 1;
  }

  // Every open shadow root in the document that is not pass-through, nested ones included, except those of
  // Refully's own hosts (panel, badges: not part of Seller Central; they have no light children, so skipping
  // their root skips everything of theirs). Iterative, so deep pages cannot overflow the stack. The document's
  // elements come from its live collection (no list copied), and a host is asked whether it is Refully's only
  // when its root has content (Refully's roots always do).
  // With `emptiable` (an array), the same pass also collects the document's own (light-DOM) <script>, <style>,
  // <noscript> and <nav> elements that have content: what serialise may write empty (emptiedElements decides).
  // One name read per element of a pass that visits them anyway, instead of four more passes over the document
  // for the tag collections (~1 ms on the benchmark page).
  const EMPTIABLE = new Set(["script", "style", "noscript", "nav"]);
  function openShadowRoots(isOwnNode, emptiable) {
    const found = [];
    const pending = [document];
    while (pending.length > 0) {
      const scope = pending.pop();
      const inDocument = scope === document && emptiable !== undefined;
      const elements = scope === document ? document.getElementsByTagName("*") : scope.querySelectorAll("*");
      for (let i = 0; i < elements.length; i++) {
        const element = elements[i];
        const root = element.shadowRoot;
        if (root) {
          if (!isPassThrough(root) && !isOwnNode(element)) {
            found.push(root);
            pending.push(root);
          }
        } else if (inDocument && EMPTIABLE.has(element.localName) && element.firstChild !== null) {
          emptiable.push(element);
        }
      }
    }
    return found;
  }

  // Inline scripts at least this long (app state, bundles) are not serialised at all: getHTML would copy
  // every character only for the strip below to throw it away (0.7 MB of state on the benchmark page).
  const LONG_SCRIPT = 2048;
  // Elements whose start tag may be written here (taken from a shallow clone: built-in containers only, so
  // cloning runs no page code and loads nothing).
  const SPLITTABLE = new Set(["html", "head", "body", "div", "main", "section", "article", "aside", "header", "footer", "nav", "form", "span", "p", "ul", "ol", "li"]);
  const HTML_NS = "http://www.w3.org/1999/xhtml";

  const startTag = element => {
    const shallow = element.cloneNode(false).outerHTML;
    return shallow.slice(0, shallow.length - element.localName.length - 3); // without "</name>"
  };
  const escapeText = text => text.replace(/&/g, "&amp;").replace(/\u00a0/g, "&nbsp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

  // A navigation the companion has no use for: only links and the list and inline markup menus are made of
  // (no heading, table, row, tab, form control, time or custom element: nothing a page parser selects), and no
  // shadow root with content inside. Seller Central's menus are the largest part of a page that is not the report.
  // (Simple selectors only: one match per element of the menu, ~0.3 ms for 1,500 links.)
  const MENU_PARTS = "a, ul, ol, li, span, div, p, i, b, em, strong, small, br, img, hr, button, svg, path, g, use, circle, rect, polygon, line, polyline, defs, symbol, title, desc";
  const NOT_MENU = `:not(${MENU_PARTS}), [data-testid], [data-test-id], [role=heading], [role=table], [role=grid], [role=row], [role=tab], .order-id, .message-date, .case-message-date`;
  // The selector's verdict per <nav>, kept until something inside that nav changes (one observer on the navs
  // checked; a menu rarely changes, and the check is most of the cost of leaving it out).
  let menuVerdicts = new WeakMap();
  let menuWatch = null;
  function menuOnly(element) {
    let verdict = menuVerdicts.get(element);
    if (verdict === undefined) {
      verdict = element.querySelector(NOT_MENU) === null;
      menuVerdicts.set(element, verdict);
      menuWatch ??= new MutationObserver(() => { menuVerdicts = new WeakMap(); });
      menuWatch.observe(element, { childList: true, subtree: true, attributes: true, characterData: true });
    }
    return verdict;
  }

  function isMenu(element, shadowHosts) {
    if (element.shadowRoot || !menuOnly(element)) {
      return false;
    }
    for (const host of shadowHosts) {
      if (element.contains(host)) {
        return false;
      }
    }
    return true;
  }

  // What serialise writes as empty start and end tags, and the elements above them, which it writes child by
  // child: light-DOM elements whose every ancestor can be written piece by piece (built-in containers, no
  // shadow host) and that are
  //   - long inline scripts (app state, bundles; the companion reads no script),
  //   - <style> (presentation: CSS is no text of the page) and <noscript> (shown only without JavaScript, never
  //     to the seller; with JavaScript on its content is one raw text the companion would parse as markup),
  //   - menu-only <nav> elements (see isMenu).
  // Taken from `candidates` (openShadowRoots' emptiable elements; each is checked here, whoever named it), or
  // without them found through the document's tag collections (no selector run over every element).
  function emptiedElements(shadowHosts, candidates) {
    const emptied = new Set();
    const ancestors = new Set();
    const add = element => {
      const chain = [];
      for (let parent = element.parentElement; parent && !ancestors.has(parent); parent = parent.parentElement) {
        if (parent.namespaceURI !== HTML_NS || !SPLITTABLE.has(parent.localName) || parent.hasAttribute("is") || shadowHosts.has(parent)) {
          return;
        }
        chain.push(parent);
      }
      emptied.add(element);
      for (const parent of chain) {
        ancestors.add(parent);
      }
    };
    const consider = (element, name) => {
      if (name === "script") {
        const body = element.firstChild;
        if (body && body.nodeType === TEXT && (body.length >= LONG_SCRIPT || body.nextSibling)) {
          add(element);
        }
      } else if (element.namespaceURI === HTML_NS && element.firstChild && (name !== "nav" || (!element.hasAttribute("is") && isMenu(element, shadowHosts)))) {
        add(element);
      }
    };
    if (candidates !== undefined) {
      // Named from the page's world, so anything may be among them: only this document's own HTML elements of
      // the four kinds count (a host's shadow tree is never split; document.scripts is HTML only too).
      for (const element of candidates) {
        const name = element.localName;
        if (EMPTIABLE.has(name) && element.namespaceURI === HTML_NS && element.getRootNode() === document) {
          consider(element, name);
        }
      }
      return { emptied, ancestors };
    }
    for (const script of document.scripts) {
      consider(script, "script");
    }
    for (const name of ["style", "noscript", "nav"]) {
      const elements = document.getElementsByTagName(name);
      for (let i = 0; i < elements.length; i++) {
        consider(elements[i], name);
      }
    }
    return { emptied, ancestors };
  }

  // "<!DOCTYPE html><html …>…</html>" minus what the companion never reads. Equal to
  // documentElement.getHTML({ shadowRoots }) with script bodies emptied, but long scripts are skipped rather
  // than serialised and cut out: the elements on their way up are written child by child (native getHTML
  // for every other child), the long scripts as their empty start and end tags.
  function serialise(shadowRoots, candidates) {
    const options = { shadowRoots };
    const shadowHosts = new Set(shadowRoots.map(root => root.host));
    const { emptied, ancestors } = emptiedElements(shadowHosts, candidates);
    if (emptied.size === 0) {
      return document.documentElement.getHTML(options);
    }
    const parts = [];
    const write = node => {
      if (node.nodeType === ELEMENT) {
        if (emptied.has(node)) {
          parts.push(startTag(node), `</${node.localName}>`);
        } else if (ancestors.has(node)) {
          parts.push(startTag(node));
          writeChildren(node);
          parts.push(`</${node.localName}>`);
        } else {
          parts.push(outerHTML(node, options));
        }
      } else if (node.nodeType === TEXT) {
        parts.push(escapeText(node.data));
      }
      // Comments between the pieces are left out: no parser reads them.
    };
    const writeChildren = parent => {
      for (let child = parent.firstChild; child; child = child.nextSibling) {
        write(child);
      }
    };
    writeChildren(document.documentElement);
    return parts.join("");
  }

  // An element's own markup with its captured shadow roots: the element serialised alone inside a
  // throwaway parent would run page code for custom elements, so the start tag comes from the attributes.
  const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen", "param"]);
  function outerHTML(element, options) {
    if (SPLITTABLE.has(element.localName) && element.namespaceURI === HTML_NS && !element.hasAttribute("is")) {
      return startTag(element) + element.getHTML(options) + `</${element.localName}>`;
    }
    // Any other element: one getHTML of a parent would re-serialise its siblings too, so write the tag here.
    const name = element.namespaceURI === HTML_NS || !element.prefix ? element.localName : element.tagName;
    let tag = `<${name}`;
    for (const attribute of element.attributes) {
      tag += ` ${attributeName(attribute)}="${escapeAttribute(attribute.value)}"`;
    }
    tag += ">";
    if (element.namespaceURI === HTML_NS && VOID.has(element.localName)) {
      return tag;
    }
    return tag + element.getHTML(options) + `</${name}>`;
  }

  const XML_NS = "http://www.w3.org/XML/1998/namespace";
  const XMLNS_NS = "http://www.w3.org/2000/xmlns/";
  const XLINK_NS = "http://www.w3.org/1999/xlink";
  function attributeName(attribute) {
    switch (attribute.namespaceURI) {
      case null: return attribute.localName;
      case XML_NS: return `xml:${attribute.localName}`;
      case XMLNS_NS: return attribute.localName === "xmlns" ? "xmlns" : `xmlns:${attribute.localName}`;
      case XLINK_NS: return `xlink:${attribute.localName}`;
      default: return attribute.name;
    }
  }

  // How this Chromium escapes attribute values (< and > since Chrome 138), learnt once from a detached element.
  let escapesAngles = null;
  function escapeAttribute(value) {
    if (escapesAngles === null) {
      const probe = document.createElement("i");
      probe.setAttribute("t", "<");
      escapesAngles = probe.outerHTML.includes("&lt;");
    }
    let escaped = value.replace(/&/g, "&amp;").replace(/\u00a0/g, "&nbsp;").replace(/"/g, "&quot;");
    if (escapesAngles) {
      escaped = escaped.replace(/</g, "&lt;").replace(/>/g, "&gt;");
    }
    return escaped;
  }

  // One pass over the serialised page: Refully's hosts go (the companion sees the page as Seller Central drew
  // it, and a capture taken after badges were drawn equals the one taken before), script bodies go (the
  // companion reads no script, and inline app state can hold buyer data), and the <style>/<script> elements a
  // shadow root starts with go, keeping the white space between them: exactly what ShadowStyles.Strip removes
  // before the companion parses (it skips " \t\n\f\r", nothing else, between them).
  const LEADING = "(?:[ \\t\\n\\f\\r]*<style\\b[^>]*>[\\s\\S]*?</style>|[ \\t\\n\\f\\r]*<script\\b[^>]*>[\\s\\S]*?</script>)";
  const STRIP = new RegExp(
    `(<template shadowrootmode="open"[^>]*>)(${LEADING}+)|(<script\\b[^>]*>)[\\s\\S]*?</script>|<refully-(badge|panel|claim-card|relay)\\b[^>]*></refully-\\4>`, "gi");
  const LEADING_ELEMENT = /<style\b[^>]*>[\s\S]*?<\/style>|<script\b[^>]*>[\s\S]*?<\/script>/gi;
  const strip = html => html.replace(STRIP, (match, template, leading, script) => {
    if (template) {
      return template + leading.replace(LEADING_ELEMENT, "");
    }
    return script ? `${script}</script>` : "";
  });

  // The open shadow roots with content and the emptiable elements (as openShadowRoots finds them), named by
  // page-world.js from the page's own world, where walking every element is 3-4 times cheaper (see there). Each
  // named host is checked here (an element, not Refully's, with an open root), each emptiable element in
  // emptiedElements; without an answer (the page-world script missing, or the page stopped the event) this world
  // walks the page itself. → { roots, emptiable }
  function contentRoots(isOwnNode) {
    const hosts = [];
    const named = [];
    let answered = false;
    const onRoot = event => { hosts.push(event.composedPath()[0]); };
    const onEmptiable = event => { named.push(event.composedPath()[0]); };
    const onFound = () => { answered = true; };
    document.addEventListener("refully:root", onRoot, true);
    document.addEventListener("refully:emptiable", onEmptiable, true);
    document.addEventListener("refully:roots-found", onFound, true);
    try {
      document.dispatchEvent(new CustomEvent("refully:find-roots"));
    } finally {
      document.removeEventListener("refully:root", onRoot, true);
      document.removeEventListener("refully:emptiable", onEmptiable, true);
      document.removeEventListener("refully:roots-found", onFound, true);
    }
    if (!answered) {
      const emptiable = [];
      return { roots: openShadowRoots(isOwnNode, emptiable), emptiable };
    }
    const roots = new Set();
    for (const host of hosts) {
      const root = host instanceof Element && !isOwnNode(host) ? host.shadowRoot : null;
      if (root) {
        roots.add(root);
      }
    }
    return { roots: [...roots], emptiable: named.filter(element => element instanceof Element) };
  }

  // { url, title, capturedAt, html, shadowRoots } for the current document. `shadowRoots` is returned so
  // the watcher can observe mutations inside them (a document observer does not see into shadow trees)
  // and the badges can look for rows inside them.
  function capturePage(isOwnNode) {
    const started = performance.now();
    const { roots: shadowRoots, emptiable } = contentRoots(isOwnNode);
    const found = performance.now();
    const serialised = serialise(shadowRoots, emptiable);
    const written = performance.now();
    const body = strip(serialised);
    const parts = { roots: found - started, serialise: written - found, strip: performance.now() - written };
    return {
      parts,
      url: location.href,
      title: document.title,
      capturedAt: new Date().toISOString(),
      html: (document.doctype ? "<!DOCTYPE html>" : "") + body,
      shadowRoots,
    };
  }

  return { capturePage, contentRoots, isPassThrough, openShadowRoots, serialise, strip };
})();
