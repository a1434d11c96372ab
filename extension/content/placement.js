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

  // All row texts in one string ("\n" between rows), so each anchor is one native indexOf scan over the
  // page instead of one per row; a hit is mapped back to its row by binary search over the start offsets.
  function index(rows) {
    const starts = new Array(rows.length);
    let length = 0;
    const texts = rows.map((row, i) => {
      const text = Refully.rows.rowText(row);
      starts[i] = length;
      length += text.length + 1;
      return text;
    });
    return { text: texts.join("\n"), starts };
  }

  function rowAt(starts, offset) {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid; else high = mid - 1;
    }
    return low;
  }

  function rowsWith(rows, { text, starts }, anchor) {
    const hits = new Set();
    for (let at = text.indexOf(anchor); at !== -1; at = text.indexOf(anchor, at + 1)) {
      if (boundedAt(text, at, anchor.length)) {
        hits.add(rows[rowAt(starts, at)]);
      }
    }
    return [...hits];
  }

  // items: [{finding, anchors}], rows: from Refully.rows.findRows → Map(finding id → rows)
  function place(items, rows) {
    const indexed = index(rows);
    const placed = new Map();
    for (const { finding, anchors } of items) {
      let matched = [];
      for (const raw of anchors ?? []) {
        const anchor = typeof raw === "string" ? raw.trim() : "";
        if (anchor.length < MIN_ANCHOR_LENGTH || anchor.includes("\n")) {
          continue;
        }
        matched = rowsWith(rows, indexed, anchor);
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
