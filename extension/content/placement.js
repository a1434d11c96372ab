// Which rows a finding's badge goes on. The companion gives each finding its `anchors`: identifiers as they
// appear in row text, most specific first (reference id, order id, shipment id, …, FNSKU, SKU, ASIN). The
// badge goes on every row whose text contains the FIRST anchor that occurs in any row, as a whole token
// (not inside a longer identifier). Nested rows keep only the innermost. No matching row: panel only.
globalThis.Refully ??= {};

Refully.placement = (() => {
  const MIN_ANCHOR_LENGTH = 3; // shorter strings are not identifiers and would match anywhere
  const isWordChar = code => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

  const boundedAt = (text, at, length) =>
    (at === 0 || !isWordChar(text.charCodeAt(at - 1))) && (at + length >= text.length || !isWordChar(text.charCodeAt(at + length)));

  function containsToken(text, token) {
    for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + 1)) {
      if (boundedAt(text, at, token.length)) {
        return true;
      }
    }
    return false;
  }

  function innermost(rows) {
    return rows.length < 2 ? rows : rows.filter(row => !rows.some(other => other !== row && row.contains(other)));
  }

  // The maximal run of word characters in `anchor` that is longest (its key), or "" when it has none. If the
  // anchor occurs in a row text as a whole token, each of its word runs is a whole word run of that text too
  // (the anchor is bounded by non-word characters, and so is every run inside it), so a row can only hold
  // the anchor if its text has the anchor's key among its word runs.
  function keyOf(anchor) {
    let key = "";
    for (let at = 0; at < anchor.length;) {
      if (!isWordChar(anchor.charCodeAt(at))) {
        at++;
        continue;
      }
      let end = at + 1;
      while (end < anchor.length && isWordChar(anchor.charCodeAt(end))) {
        end++;
      }
      if (end - at > key.length) {
        key = anchor.slice(at, end);
      }
      at = end;
    }
    return key;
  }

  // One pass over every row text: key → indexes of the rows whose text has that word run. Only runs as long
  // as some key are looked up, so the pass costs one read per character and a lookup for few of the runs
  // (instead of one scan of every row per anchor).
  function rowsByKey(texts, keys) {
    const lengths = new Set();
    for (const key of keys.keys()) {
      lengths.add(key.length);
    }
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i];
      let start = -1;
      for (let at = 0; at <= text.length; at++) {
        if (at < text.length && isWordChar(text.charCodeAt(at))) {
          if (start < 0) {
            start = at;
          }
        } else if (start >= 0) {
          if (lengths.has(at - start)) {
            const hits = keys.get(text.slice(start, at));
            if (hits !== undefined && hits[hits.length - 1] !== i) {
              hits.push(i);
            }
          }
          start = -1;
        }
      }
    }
  }

  // items: [{finding, anchors}], rows: from Refully.rows.findRows → Map(finding id → rows)
  function place(items, rows) {
    const usable = raw => {
      const anchor = typeof raw === "string" ? raw.trim() : "";
      return anchor.length >= MIN_ANCHOR_LENGTH && !anchor.includes("\n") ? anchor : null;
    };
    const keys = new Map(); // key → row indexes
    for (const { anchors } of items) {
      for (const raw of anchors ?? []) {
        const anchor = usable(raw);
        const key = anchor === null ? "" : keyOf(anchor);
        if (key !== "" && !keys.has(key)) {
          keys.set(key, []);
        }
      }
    }
    const texts = rows.map(Refully.rows.rowText);
    rowsByKey(texts, keys);

    const placed = new Map();
    for (const { finding, anchors } of items) {
      let matched = [];
      for (const raw of anchors ?? []) {
        const anchor = usable(raw);
        if (anchor === null) {
          continue;
        }
        const key = keyOf(anchor);
        // An anchor without word characters ("---") has no key: every row is a candidate.
        const candidates = key === "" ? rows.map((_, i) => i) : keys.get(key);
        matched = candidates.filter(i => containsToken(texts[i], anchor)).map(i => rows[i]);
        if (matched.length > 0) {
          break;
        }
      }
      placed.set(finding.id, innermost(matched));
    }
    return placed;
  }

  return { containsToken, place };
})();
