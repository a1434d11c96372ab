// Decides when the page is worth capturing again: after it stops changing (debounced MutationObserver,
// with a ceiling so a page that never settles is still captured), and soon on SPA navigation (URL
// change without a reload); then in the page's next idle period (requestIdleCallback, at most idleTimeoutMs
// later), so the capture does not compete with the page's own rendering, its raster and garbage collection
// that follow a re-render (docs/extension.md "Seventh round"). Mutations of Refully's own nodes (panel,
// badges) are ignored, so drawing the answer can never trigger another capture. onChange runs at once on every other mutation batch (the
// badges are put right quickly, long before the next capture).
globalThis.Refully ??= {};

Refully.watchPage = function watchPage({ isOwnNode, onSettled, onChange = () => {}, quietMs = 600, maxWaitMs = 4000, idleTimeoutMs = 1000 }) {
  let quietTimer = 0;
  let idleRequest = 0;
  let settledAt = 0;
  let firstChangeAt = 0;
  let urlChanged = false;
  let lastUrl = location.href;
  const observedRoots = new WeakSet();

  const observer = new MutationObserver(records => {
    if (records.some(record => !isOwnMutation(record) && !isStyleOnly(record))) {
      schedule();
      onChange();
    }
  });
  const observeOptions = { childList: true, subtree: true, characterData: true, attributes: true };
  observer.observe(document, observeOptions);

  // Refully's own change: on one of its nodes, or adding and removing only its nodes. The node lists are read one
  // node at a time and only until one is the page's (SPA pagination replaces ~1,000 rows in one record: copying
  // both lists would wrap every row in this world for nothing).
  const allOwn = nodes => {
    for (let i = 0; i < nodes.length; i++) {
      if (!isOwnNode(nodes[i])) {
        return false;
      }
    }
    return true;
  };
  function isOwnMutation(record) {
    if (isOwnNode(record.target)) {
      return true;
    }
    return record.type === "childList" && record.addedNodes.length + record.removedNodes.length > 0 && allOwn(record.addedNodes) && allOwn(record.removedNodes);
  }

  // A `style` attribute changed (hover effects, animations, a tooltip being positioned): no page parser reads
  // inline styles and no badge depends on them, so this is no reason to capture the page again (a capture costs
  // the page ~10 ms of main thread) or to re-apply the badges. The next capture for a real change carries it.
  const isStyleOnly = record => record.type === "attributes" && record.attributeName === "style";

  function checkUrl() {
    if (location.href !== lastUrl) {
      lastUrl = location.href;
      urlChanged = true;
    }
  }

  function schedule() {
    checkUrl();
    const now = Date.now();
    firstChangeAt ||= now;
    clearTimeout(quietTimer);
    // A new URL is a new page: capture soon (content usually arrives with it); otherwise wait for quiet.
    const wait = urlChanged ? Math.min(quietMs, 250) : Math.max(0, Math.min(quietMs, firstChangeAt + maxWaitMs - now));
    // Waiting for an idle period already: a change before it means the page is not quiet yet, unless the
    // ceiling is reached (then the capture waits for nothing more than that idle period).
    if (idleRequest !== 0 && wait > 0) {
      cancelIdleCallback(idleRequest);
      idleRequest = 0;
    }
    if (idleRequest === 0) {
      quietTimer = setTimeout(whenIdle, wait);
    }
  }

  function whenIdle() {
    settledAt = performance.now();
    idleRequest = requestIdleCallback(fire, { timeout: idleTimeoutMs });
  }

  function fire() {
    idleRequest = 0;
    const navigated = urlChanged;
    urlChanged = false;
    firstChangeAt = 0;
    onSettled({ navigated, idleWaitMs: performance.now() - settledAt });
  }

  // SPA navigation: the Navigation API sees pushState/replaceState from the page's own scripts even though
  // this script lives in an isolated world; popstate/hashchange cover the back button and older paths.
  globalThis.navigation?.addEventListener("currententrychange", schedule);
  addEventListener("popstate", schedule);
  addEventListener("hashchange", schedule);

  return {
    // Shadow roots are separate trees: observe each one the capture found (observing twice is harmless).
    observeShadowRoots(roots) {
      for (const root of roots) {
        if (!observedRoots.has(root)) {
          observedRoots.add(root);
          observer.observe(root, observeOptions);
        }
      }
    },
    captureSoon: schedule,
  };
};
