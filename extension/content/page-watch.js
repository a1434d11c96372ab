// Decides when the page is worth capturing again: after it stops changing (debounced MutationObserver,
// with a ceiling so a page that never settles is still captured), and at once on SPA navigation (URL
// change without a reload). Mutations of Refully's own nodes (panel, badges) are ignored, so drawing the
// answer can never trigger another capture. onChange runs at once on every other mutation batch (the
// badges are put right quickly, long before the next capture).
globalThis.Refully ??= {};

Refully.watchPage = function watchPage({ isOwnNode, onSettled, onChange = () => {}, quietMs = 600, maxWaitMs = 4000 }) {
  let quietTimer = 0;
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

  function isOwnMutation(record) {
    if (isOwnNode(record.target)) {
      return true;
    }
    const touched = [...record.addedNodes, ...record.removedNodes];
    return record.type === "childList" && touched.length > 0 && touched.every(isOwnNode);
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
    quietTimer = setTimeout(fire, wait);
  }

  function fire() {
    const navigated = urlChanged;
    urlChanged = false;
    firstChangeAt = 0;
    onSettled({ navigated });
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
