// Inline suggestions: the findings of the last answer, drawn as badges on their rows and listed in the
// panel. Re-applied (debounced) after the page's own mutations, so badges follow re-renders, pagination
// and SPA navigation; a dismissal removes the finding at once and updates the totals.
globalThis.Refully ??= {};

Refully.suggestions = (() => {
  const { badges, format, panel, placement, rows } = Refully;
  const REAPPLY_DELAY_MS = 60;
  // An answer that comes before the browser said which rows are far waits this long at most (idle) for it.
  const ROWS_REPORTED_WAIT_MS = 50;
  // Loop breaker: a page that keeps throwing our badges out (re-rendering on every mutation) would make us
  // re-add them forever. Past this many re-additions in a window, stop until the next answer.
  const MAX_READDS = 40;
  const READD_WINDOW_MS = 2000;

  let items = [];
  let summary = format.emptySummary();
  let withFindings = false; // the last answer carried `findings` (a companion that knows the contract)
  let shadowRoots = [];
  let placedKey = "";
  let timer = 0;
  let readds = [];
  let paused = false;
  let answerKey = "";
  let answerUrl = ""; // the URL of the page the last answer is about
  // The rows and what placing learnt about them, until the page changes (pageChanged) or the capture names other
  // shadow roots: the re-apply after a page change and the answer's drawing share one reading of the rows.
  let rowIndex = null;

  // A new answer from the companion, about the page captured at `url`. Returns { rows, badges } for the timings.
  function show(answer, roots, url) {
    answerUrl = url;
    withFindings = Array.isArray(answer.findings);
    items = withFindings ? answer.findings.filter(item => item?.finding?.id) : [];
    summary = answer.summary ?? format.emptySummary();
    shadowRoots = roots;
    readds = [];
    paused = false;
    const drawn = draw();
    const panelStarted = performance.now();
    // The same answer again (the page changed in a way that does not matter): keep the panel as it is, so
    // a reason being typed there survives.
    const key = JSON.stringify({ ...answer, captureId: null }) + keyOf(drawn.placed);
    if (key !== answerKey || panel.state !== "paired") {
      panel.showAnswer(answer, withFindings ? view(drawn.placed) : null);
      answerKey = key;
    }
    placedKey = keyOf(drawn.placed);
    return { rows: drawn.rows, badges: badges.count, badgesDrawn: badges.drawn, placeMs: drawn.placeMs, badgesMs: drawn.badgesMs, panelMs: performance.now() - panelStarted };
  }

  // Nothing to show (not paired, offline, error): no badges.
  function clear() {
    items = [];
    withFindings = false;
    clearTimeout(timer);
    badges.clear();
  }

  // The rows under these roots (the document's and theirs), from the row index or the last capture's watch when
  // nothing changed since.
  let foundRows = null; // { roots, rows } found by watchRows, until the page changes
  const sameRoots = (a, b) => a.length === b.length && a.every((root, i) => root === b[i]);
  function rowsUnder(roots) {
    if (rowIndex !== null && sameRoots(rowIndex.roots, roots)) {
      return rowIndex.rows;
    }
    if (foundRows === null || !sameRoots(foundRows.roots, roots)) {
      foundRows = { roots, rows: rows.findRows(roots) };
    }
    return foundRows.rows;
  }

  // A capture is on its way: watch its rows, so the browser tells which are far from the viewport before the answer
  // comes (badges.js: their badges wait until the seller scrolls near them).
  function watchRows(roots) {
    badges.watchRows(rowsUnder(roots.filter(root => root.host.isConnected)));
  }
  const rowsReported = () => badges.rowsReported(ROWS_REPORTED_WAIT_MS);

  function draw() {
    const started = performance.now();
    const roots = shadowRoots.filter(root => root.host.isConnected);
    if (rowIndex === null || !sameRoots(rowIndex.roots, roots)) {
      rowIndex = { roots, ...placement.indexRows(rowsUnder(roots)) };
    }
    const placed = placement.place(items, rowIndex);
    const placedAt = performance.now();
    const applied = badges.apply(items, placed, { onDismissed });
    return { placed, rows: rowIndex.rows.length, added: applied.added, placeMs: placedAt - started, badgesMs: performance.now() - placedAt };
  }

  const view = placed => ({ items, summary, placed, onDismissed });
  const keyOf = placed => [...placed].map(([id, placedRows]) => `${id}:${placedRows.length}`).join(",");

  // The page changed (not through Refully): put the badges right again once it is quiet for a moment.
  function pageChanged(roots) {
    rowIndex = null;
    foundRows = null;
    if (roots) {
      shadowRoots = roots;
    }
    if (items.length === 0 || paused) {
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(reapply, REAPPLY_DELAY_MS);
  }

  function reapply() {
    const started = performance.now();
    const { placed, added, rows: rowCount, placeMs, badgesMs } = draw();
    const now = performance.now();
    const panelStarted = now;
    readds = readds.filter(at => now - at < READD_WINDOW_MS);
    for (let i = 0; i < added; i++) {
      readds.push(now);
    }
    paused = readds.length > MAX_READDS;
    const key = keyOf(placed);
    if (location.href !== answerUrl) {
      // SPA navigation: the answer was about another page. Its badges stay on the rows they still fit until this page's
      // answer comes, but the panel says this page is being read (hiding the old list) rather than counting old
      // findings' rows on it.
      panel.showReading();
    } else if (key !== placedKey && withFindings) {
      placedKey = key;
      panel.showFindings(view(placed)); // only when the rows changed: an open reason field is kept otherwise
    }
    const done = performance.now();
    Refully.timings.publish({ reapplyMs: done - started, placeMs, badgesMs, panelMs: done - panelStarted, rows: rowCount, url: location.href }, "refully:reapply-timings");
  }

  function onDismissed(finding) {
    items = items.filter(item => item.finding.id !== finding.id);
    summary = format.summaryWithout(summary, finding);
    const { placed } = draw();
    placedKey = keyOf(placed);
    panel.showFindings(view(placed));
  }

  return { clear, pageChanged, rowsReported, show, watchRows };
})();
