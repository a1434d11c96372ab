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

  // Which rows can hold an anchor at all, without reading any row's text nodes: every row's textContent (one
  // native call per row, no node touched from this world) joined by "\n", then one indexOf scan per anchor. An
  // anchor without a tab that occurs in a row's text (its text nodes joined by tabs) lies inside one text node,
  // so it occurs in the row's textContent too; the candidates are a superset, and only they have their text read
  // and checked with the whole-token rule. Usable anchors hold no "\n", so a hit never spans two rows.
  function candidateIndex(rows) {
    const contents = new Array(rows.length);
    const starts = new Array(rows.length);
    let at = 0;
    for (let i = 0; i < rows.length; i++) {
      const content = rows[i].textContent;
      contents[i] = content;
      starts[i] = at;
      at += content.length + 1;
    }
    const joined = contents.join("\n");
    const all = rows.map((_, i) => i);
    // Row indexes whose textContent contains `anchor`, ascending, each once.
    return anchor => {
      if (anchor.includes("\t")) {
        return all;
      }
      const found = [];
      let row = 0;
      for (let hit = joined.indexOf(anchor); hit !== -1;) {
        while (row + 1 < starts.length && starts[row + 1] <= hit) {
          row++;
        }
        found.push(row);
        // The next hit that starts after this row.
        hit = row + 1 < starts.length ? joined.indexOf(anchor, starts[row + 1]) : -1;
      }
      return found;
    };
  }

  // What placing needs to know about a set of rows, kept while the page does not change (suggestions.js drops it
  // on every mutation that is not Refully's own): their candidate search, their texts as read so far, and the
  // rows each anchor was found on. Re-applying after a mutation and drawing the answer that follows then read
  // the rows once.
  function indexRows(rows) {
    const texts = new Array(rows.length);
    return {
      rows,
      candidates: rows.length === 0 ? () => [] : candidateIndex(rows),
      textOf: i => (texts[i] ??= Refully.rows.rowText(rows[i])),
      matches: new Map(), // anchor → rows that hold it as a whole token
    };
  }

  // items: [{finding, anchors}], rows: from Refully.rows.findRows, or their indexRows → Map(finding id → rows)
  function place(items, rowsOrIndex) {
    const index = Array.isArray(rowsOrIndex) ? indexRows(rowsOrIndex) : rowsOrIndex;
    const { rows, candidates, textOf, matches } = index;
    const usable = raw => {
      const anchor = typeof raw === "string" ? raw.trim() : "";
      return anchor.length >= MIN_ANCHOR_LENGTH && !anchor.includes("\n") ? anchor : null;
    };

    const placed = new Map();
    for (const { finding, anchors } of items) {
      let matched = [];
      for (const raw of anchors ?? []) {
        const anchor = usable(raw);
        if (anchor === null) {
          continue;
        }
        matched = matches.get(anchor);
        if (matched === undefined) {
          matched = candidates(anchor).filter(i => containsToken(textOf(i), anchor)).map(i => rows[i]);
          matches.set(anchor, matched);
        }
        if (matched.length > 0) {
          break;
        }
      }
      placed.set(finding.id, innermost(matched));
    }
    return placed;
  }

  return { containsToken, indexRows, place };
})();
