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
  // native call per row, no node touched from this world) joined by "\n", searched for every anchor at once. An
  // anchor without a tab that occurs in a row's text (its text nodes joined by tabs) lies inside one text node,
  // so it occurs in the row's textContent too; the candidates are a superset, and only they have their text read
  // and checked with the whole-token rule. Usable anchors hold no "\n", so a hit never spans two rows.
  // One pass for all anchors: a regular expression of the anchors as alternatives, longest first, so a hit names the
  // longest anchor starting there; every other anchor starting there is a prefix of it. Each search resumes one
  // character after the last hit's start, so hits may overlap. (One indexOf scan per anchor cost ~0.1 ms each on a
  // 500-row page, 45 anchors ~4.5 ms; one lookahead `(?=(…))` tried at every position ~0.9 ms; the plain alternation
  // lets the engine skip ahead between hits: ~0.07 ms.)
  const BATCH = 256; // anchors per expression
  const escape = text => text.replace(/[\\^$.*+?()[\]{}|\/-]/g, "\\$&");
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
    const rowAt = hit => {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= hit) {
          low = middle;
        } else {
          high = middle - 1;
        }
      }
      return low;
    };

    // Map(anchor → row indexes whose textContent contains it, ascending, each once) for every anchor given.
    return anchors => {
      const found = new Map();
      const searched = [];
      for (const anchor of anchors) {
        if (!found.has(anchor)) {
          found.set(anchor, anchor.includes("\t") ? all : []);
          if (!anchor.includes("\t")) {
            searched.push(anchor);
          }
        }
      }
      searched.sort((a, b) => b.length - a.length);
      for (let from = 0; from < searched.length; from += BATCH) {
        const batch = searched.slice(from, from + BATCH);
        const inBatch = new Set(batch);
        const lengths = [...new Set(batch.map(anchor => anchor.length))];
        const prefixes = new Map(); // longest anchor at a hit → every anchor of the batch that starts there
        const pattern = new RegExp(batch.map(escape).join("|"), "g");
        for (let match = pattern.exec(joined); match !== null; match = pattern.exec(joined)) {
          pattern.lastIndex = match.index + 1;
          const longest = match[0];
          let starting = prefixes.get(longest);
          if (starting === undefined) {
            starting = lengths.filter(length => length <= longest.length && inBatch.has(longest.slice(0, length))).map(length => longest.slice(0, length));
            prefixes.set(longest, starting);
          }
          const row = rowAt(match.index);
          for (const anchor of starting) {
            const rowsOf = found.get(anchor);
            if (rowsOf[rowsOf.length - 1] !== row) {
              rowsOf.push(row);
            }
          }
        }
      }
      return found;
    };
  }

  // What placing needs to know about a set of rows, kept while the page does not change (suggestions.js drops it
  // on every mutation that is not Refully's own): their candidate search, their texts as read so far, the
  // candidate rows of each anchor searched for and the rows each anchor was found on. Re-applying after a mutation and drawing the answer that follows then read
  // the rows once.
  function indexRows(rows) {
    const texts = new Array(rows.length);
    return {
      rows,
      candidates: rows.length === 0 ? anchors => new Map(anchors.map(anchor => [anchor, []])) : candidateIndex(rows),
      textOf: i => (texts[i] ??= Refully.rows.rowText(rows[i])),
      found: new Map(), // anchor → indexes of the rows whose textContent holds it
      matches: new Map(), // anchor → rows that hold it as a whole token
    };
  }

  // items: [{finding, anchors}], rows: from Refully.rows.findRows, or their indexRows → Map(finding id → rows)
  function place(items, rowsOrIndex) {
    const index = Array.isArray(rowsOrIndex) ? indexRows(rowsOrIndex) : rowsOrIndex;
    const { rows, candidates, textOf, found, matches } = index;
    const usable = raw => {
      const anchor = typeof raw === "string" ? raw.trim() : "";
      return anchor.length >= MIN_ANCHOR_LENGTH && !anchor.includes("\n") ? anchor : null;
    };

    // Every usable anchor not looked for yet is searched for in one pass (a finding's later anchors are only
    // used when its earlier ones are on no row; finding them too costs the pass next to nothing). Only the
    // anchors actually tried have their candidate rows' text read.
    const pending = new Set();
    for (const { anchors } of items) {
      for (const raw of anchors ?? []) {
        const anchor = usable(raw);
        if (anchor !== null && !found.has(anchor)) {
          pending.add(anchor);
        }
      }
    }
    if (pending.size > 0) {
      for (const [anchor, candidateRows] of candidates([...pending])) {
        found.set(anchor, candidateRows);
      }
    }

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
          matched = found.get(anchor).filter(i => containsToken(textOf(i), anchor)).map(i => rows[i]);
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
