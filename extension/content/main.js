// Wires the content script: capture when the page settles or navigates, send it to the service worker,
// draw the answer (panel and badges). Only the latest capture is shown; identical pages are not sent twice.
// Every capture's cost is published through Refully.timings.
globalThis.Refully ??= {};

(() => {
  const { capture, ownNodes, panel, suggestions } = Refully;
  let lastSent = { url: "", html: "" };
  let inFlight = false;
  let again = false;

  const watch = Refully.watchPage({
    isOwnNode: ownNodes.isOwnNode,
    onSettled: ({ navigated, idleWaitMs }) => captureAndSend(navigated, idleWaitMs),
    onChange: () => suggestions.pageChanged(),
  });

  async function captureAndSend(force, idleWaitMs = 0) {
    if (inFlight) {
      again = true; // the page changed while the last capture was on its way: capture once more after it
      return;
    }
    const started = performance.now();
    const page = capture.capturePage(ownNodes.isOwnNode);
    const captured = performance.now();
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
      const watchStarted = performance.now();
      suggestions.watchRows(page.shadowRoots);
      const watchMs = performance.now() - watchStarted;
      const { url, title, capturedAt, html } = page;
      const sending = Refully.handOver.sendCapture({ url, title, capturedAt, html });
      const sendMs = performance.now() - captured - watchMs;
      const result = await sending.answer;
      const received = performance.now();
      await suggestions.rowsReported(); // which rows are far: normally known long before the answer (idle wait)
      // The browser's report of the watched rows ran this script in a task of its own (counted when it came by now).
      const reportMs = Refully.badges.reportMs;
      const answered = performance.now();
      const drawn = show(result, page.shadowRoots, page.url);
      const done = performance.now();
      const mainThreadMs = captured - started + watchMs + reportMs + sendMs + (done - answered);
      const companionMs = result.companionMs?.total ?? null;
      const worker = result.workerMs ?? null;
      Refully.timings.publish({
        captureMs: captured - started, rootsMs: page.parts.roots, serialiseMs: page.parts.serialise, stripMs: page.parts.strip, watchMs, reportMs, sendMs, drawMs: done - answered, mainThreadMs,
        handOver: sending.via, endToEndMs: done - started, idleWaitMs, startedAtMs: started, drawnAtMs: done, htmlChars: html.length, rows: drawn.rows, badges: drawn.badges, badgesDrawn: drawn.badgesDrawn ?? 0, url,
        placeMs: drawn.placeMs ?? 0, badgesMs: drawn.badgesMs ?? 0, panelMs: drawn.panelMs ?? 0,
        companionMs, companionDetectMs: result.companionMs?.detect ?? null, companionRequestMs: result.companionMs?.request ?? null,
        hopMs: companionMs === null ? null : done - started - mainThreadMs - companionMs,
        workerMs: worker?.total ?? null, messagingMs: worker ? received - captured - watchMs - sendMs - worker.total : null,
        workerSettingsMs: worker?.settings ?? null, workerPingMs: worker?.ping ?? null, workerStringifyMs: worker?.stringify ?? null,
        workerFetchMs: worker?.fetch ?? null, workerReadMs: worker?.read ?? null, workerBadgeMs: worker?.badge ?? null,
      });
    } catch (error) {
      suggestions.clear();
      panel.showError(error.message);
    } finally {
      inFlight = false;
      if (again) {
        again = false;
        watch.captureSoon();
      }
    }
  }

  function show(result, shadowRoots, url) {
    if (result.state === "paired") {
      // Paired and answered: later captures can go through the relay (opened once, when the page is idle).
      if (Refully.handOver.state === "closed") {
        requestIdleCallback(() => Refully.handOver.open(), { timeout: 2000 });
      }
      return suggestions.show(result.answer, shadowRoots, url);
    }
    suggestions.clear();
    if (result.state === "needs-pairing") {
      panel.showNeedsPairing();
    } else {
      panel.showOffline();
    }
    return { rows: 0, badges: 0, badgesDrawn: 0 };
  }

  // Pairing, unpairing or a new port changes what this page should show: read it again.
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && ("token" in changes || "companionUrl" in changes)) {
      captureAndSend(true);
    }
  });

  captureAndSend(true);
})();
