// Wires the content script: capture when the page settles or navigates, send it to the service worker,
// draw the answer. Only the latest capture is shown; identical pages are not sent twice.
globalThis.Refully ??= {};

(() => {
  const { capture, panel } = Refully;
  let lastSent = { url: "", html: "" };
  let inFlight = false;
  let again = false;

  const watch = Refully.watchPage({
    isOwnNode: panel.isOwnNode,
    onSettled: ({ navigated }) => captureAndSend(navigated),
  });

  async function captureAndSend(force) {
    if (inFlight) {
      again = true; // the page changed while the last capture was on its way: capture once more after it
      return;
    }
    const page = capture.capturePage(panel.host);
    watch.observeShadowRoots(page.shadowRoots);
    if (!force && page.url === lastSent.url && page.html === lastSent.html) {
      return;
    }
    if (page.url !== lastSent.url) {
      panel.showReading();
    }
    lastSent = { url: page.url, html: page.html };
    inFlight = true;
    try {
      const { url, title, capturedAt, html } = page;
      show(await Refully.send("capturePage", { url, title, capturedAt, html }));
    } catch (error) {
      panel.showError(error.message);
    } finally {
      inFlight = false;
      if (again) {
        again = false;
        watch.captureSoon();
      }
    }
  }

  function show(result) {
    switch (result.state) {
      case "paired": return panel.showAnswer(result.answer);
      case "needs-pairing": return panel.showNeedsPairing();
      default: return panel.showOffline();
    }
  }

  // Pairing, unpairing or a new port changes what this page should show: read it again.
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && ("token" in changes || "companionUrl" in changes)) {
      captureAndSend(true);
    }
  });

  captureAndSend(true);
})();
