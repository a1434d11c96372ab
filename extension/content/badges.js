// The badge layer: puts each placed finding's badge on its rows and keeps it right as the page changes.
// apply() is idempotent: a (row, finding) pair has at most one badge; badges whose row left the page,
// whose finding left the answer or whose row no longer matches are removed; existing ones are kept (only
// redrawn when their finding changed), so re-applying after every mutation never flickers.
globalThis.Refully ??= {};

Refully.badges = (() => {
  const placedBadges = new Map(); // host → { row, id }

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
        host.remove();
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
          const host = Refully.badge.create(byId.get(id), { onDismissed });
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
      host.remove();
    }
    placedBadges.clear();
  }

  return { apply, clear, get count() { return placedBadges.size; } };
})();
