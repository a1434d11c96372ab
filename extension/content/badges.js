// The badge layer: puts each placed finding's badge on its rows and keeps it right as the page changes.
// apply() is idempotent: a (row, finding) pair has at most one badge; badges whose row left the page,
// whose finding left the answer or whose row no longer matches are removed; existing ones are kept (only
// redrawn when their finding changed), so re-applying after every mutation never flickers.
//
// Far rows wait (sixth round): a 500-row report shows ~20 rows at a time, and drawing the badges of the other rows
// was most of the cost of showing an answer. From each capture on, the page's rows are watched by one
// IntersectionObserver (watchRows; its margin is one viewport on every side), so by the time the companion answers,
// the browser has said, in the frame in between, which rows are far from what the seller sees. A badge whose row the
// observer last saw far (a box more than a viewport away) is not drawn with the answer: it waits, and is drawn in the
// observer's callback when its row comes within a viewport, before it scrolls into sight. Rows the observer has not
// reported yet, or without a box (display: none / contents), get their badges at once, as before. The work of a
// waiting badge is done only if the seller scrolls near its row (once); never for rows the seller does not scroll to.
// A waiting badge counts as placed (`count`, the panel's "Marked on N rows"); `drawn` counts those in the page.
globalThis.Refully ??= {};

Refully.badges = (() => {
  const placedBadges = new Map(); // host → { row, id }: drawn
  const waiting = new Map(); // row → Map(finding id → item): placed on a far row, drawn when it comes near
  let waitingCount = 0;
  let drawOptions = { onDismissed() {} }; // of the last apply, for badges drawn later
  const nearness = new WeakMap(); // row → false while the observer last saw its box more than a viewport away

  // Hosts taken off the page, kept to be drawn again: SPA pagination replaces every row, so each answer removes
  // the last page's badges and draws as many new ones. A kept host skips the element, its shadow root, stylesheet,
  // event fence and chip (it is only redrawn), so the common case costs one redraw and one insertion per badge.
  const spare = [];
  const MAX_SPARE = 200;
  const release = host => {
    host.remove();
    if (spare.length < MAX_SPARE) {
      spare.push(host);
    }
  };
  const take = (item, onDismissed) => {
    const host = spare.pop();
    if (!host) {
      return Refully.badge.create(item, { onDismissed });
    }
    Refully.badge.reuse(host, item);
    return host;
  };

  function draw(row, id, item, onDismissed) {
    const host = take(item, onDismissed);
    Refully.rows.badgeSlot(row, Refully.ownNodes.isOwnNode).append(host);
    placedBadges.set(host, { row, id });
  }

  function drawWaiting(row) {
    const items = waiting.get(row);
    if (!items) {
      return;
    }
    waiting.delete(row);
    waitingCount -= items.size;
    if (row.isConnected) {
      for (const [id, item] of items) {
        draw(row, id, item, drawOptions.onDismissed);
      }
    }
  }

  // Settles when the observer first reports after watchRows (the answer waits for it, idle, at most a moment).
  let reported = Promise.resolve();
  let onReported = null;
  // What that first report cost this script's main thread (reading ~500 entries): part of the capture's cost.
  let reportMs = 0;
  // A row without a box (display: none) is not far: nothing to wait for. Read only for rows outside the margin.
  const hasBox = entry => {
    const box = entry.boundingClientRect;
    return box.width !== 0 || box.height !== 0;
  };
  const watcher = typeof IntersectionObserver === "function"
    ? new IntersectionObserver(entries => {
      const started = performance.now();
      const report = onReported;
      onReported = null;
      try {
        for (const entry of entries) {
          if (!entry.isIntersecting && hasBox(entry)) {
            nearness.set(entry.target, false);
          } else {
            nearness.delete(entry.target);
            drawWaiting(entry.target);
          }
        }
      } finally {
        if (report) {
          reportMs = performance.now() - started;
          report();
        }
      }
    }, { rootMargin: "100%" })
    : null;

  // The rows the next answer may put badges on (the capture's rows), watched until that answer is drawn; rows
  // watched before and not among them are no longer watched (a removed row is not kept alive by the observer).
  function watchRows(rows) {
    if (!watcher) {
      return;
    }
    watcher.disconnect();
    for (const row of rows) {
      watcher.observe(row);
    }
    reportMs = 0;
    onReported?.();
    reported = rows.length === 0 ? Promise.resolve() : new Promise(resolve => { onReported = resolve; });
  }

  // Resolves once the browser has reported the watched rows (it does so in the frame after watchRows, normally long
  // before the companion answers), or after waitMs: the main thread is idle meanwhile (a hidden tab never reports).
  const rowsReported = waitMs => Promise.race([reported, new Promise(resolve => setTimeout(resolve, waitMs))]);

  // items: [{finding, anchors}]; placed: Map(finding id → rows) from Refully.placement.place
  function apply(items, placed, { onDismissed }) {
    const byId = new Map(items.map(item => [item.finding.id, item]));
    const shown = new Map(); // row → Set(finding ids) badged on it after this pass (drawn or waiting)
    const isShown = (row, id) => shown.get(row)?.has(id) ?? false;
    const markShown = (row, id) => (shown.get(row) ?? shown.set(row, new Set()).get(row)).add(id);
    drawOptions = { onDismissed };
    let added = 0;
    let removed = 0;

    for (const [host, { row, id }] of placedBadges) {
      const item = byId.get(id);
      const keep = item && host.isConnected && row.contains(host) && placed.get(id)?.includes(row) && !isShown(row, id);
      if (!keep) {
        release(host);
        placedBadges.delete(host);
        removed++;
        continue;
      }
      markShown(row, id);
      Refully.badge.update(host, item);
    }

    waiting.clear();
    waitingCount = 0;
    for (const [id, rows] of placed) {
      for (const row of rows) {
        if (isShown(row, id)) {
          continue;
        }
        markShown(row, id);
        if (nearness.get(row) === false) {
          (waiting.get(row) ?? waiting.set(row, new Map()).get(row)).set(id, byId.get(id));
          waitingCount++;
        } else {
          draw(row, id, byId.get(id), onDismissed);
          added++;
        }
      }
    }
    // From now on only the waiting rows are watched (the observer's work each frame the page scrolls is per row
    // watched): the next capture watches every row again.
    if (watcher) {
      watcher.disconnect();
      for (const row of waiting.keys()) {
        watcher.observe(row);
      }
    }
    return { added, removed, count: placedBadges.size + waitingCount };
  }

  function clear() {
    for (const host of placedBadges.keys()) {
      release(host);
    }
    placedBadges.clear();
    waiting.clear();
    waitingCount = 0;
  }

  return {
    apply, clear, rowsReported, watchRows,
    get reportMs() { return reportMs; },
    // Badges placed on rows: drawn, or waiting for their far row to come near the viewport.
    get count() { return placedBadges.size + waitingCount; },
    get drawn() { return placedBadges.size; },
  };
})();
