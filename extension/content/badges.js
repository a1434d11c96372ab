// The badge layer: puts each placed finding's badge on its rows and keeps it right as the page changes.
// apply() is idempotent: a (row, finding) pair has at most one badge; badges whose row left the page,
// whose finding left the answer or whose row no longer matches are removed; existing ones are kept (only
// redrawn when their finding changed), so re-applying after every mutation never flickers.
globalThis.Refully ??= {};

Refully.badges = (() => {
  const placedBadges = new Map(); // host → { row, id }
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

  // items: [{finding, anchors}]; placed: Map(finding id → rows) from Refully.placement.place
  function apply(items, placed, { onDismissed }) {
    const byId = new Map(items.map(item => [item.finding.id, item]));
    const shown = new Map(); // row → Set(finding ids) badged on it after this pass
    const isShown = (row, id) => shown.get(row)?.has(id) ?? false;
    const markShown = (row, id) => (shown.get(row) ?? shown.set(row, new Set()).get(row)).add(id);
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

    for (const [id, rows] of placed) {
      for (const row of rows) {
        if (!isShown(row, id)) {
          const host = take(byId.get(id), onDismissed);
          Refully.rows.badgeSlot(row, Refully.ownNodes.isOwnNode).append(host);
          placedBadges.set(host, { row, id });
          markShown(row, id);
          added++;
        }
      }
    }
    return { added, removed, count: placedBadges.size };
  }

  function clear() {
    for (const host of placedBadges.keys()) {
      release(host);
    }
    placedBadges.clear();
  }

  return { apply, clear, get count() { return placedBadges.size; } };
})();
