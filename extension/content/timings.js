// What one capture cost the page, measured with performance.now() in the content script:
//   captureMs    walk the shadow roots + serialise the page (getHTML) + leave Refully's nodes out; its parts:
//                rootsMs (the shadow roots with content, named from the page's world), serialiseMs (getHTML and
//                the pieces written empty), stripMs (the one regex pass: script bodies, Refully's hosts, roots' styles)
//   watchMs      watching the capture's rows, so far rows are known when the answer comes (badges.js)
//   reportMs     the browser's first report on those rows: the observer's callback, a task of its own between the
//                capture and the answer (0 when it had not come by the time the answer was drawn)
//   sendMs       the synchronous part of handing the capture to the worker (serialising it onto the relay's port,
//                or into chrome.runtime.sendMessage's message); handOver says which: "relay" or "message"
//   drawMs       placing and drawing the badges and the panel once the answer arrived
//                (placeMs: finding rows and matching anchors; badgesMs: badges; panelMs: the panel)
//   badges       badges placed on rows; badgesDrawn of them drawn with the answer (the others are on rows more than
//                a viewport away: drawn if and when the seller scrolls near them)
//   mainThreadMs captureMs + watchMs + reportMs + sendMs + drawMs: this script's main-thread time for the capture
//   endToEndMs   capture start → badges drawn (includes the worker, the companion's parse and detection)
//   companionMs / companionDetectMs  the companion's own time for the page, and its detection part
//                (from its Server-Timing header; null when it sends none); companionRequestMs the whole
//                request inside the companion (`request`: body, JSON, token check and intake)
//   hopMs        endToEndMs - mainThreadMs - companionMs: messaging, the worker, HTTP, the request around the
//                companion's own timing (and, when the answer came before the browser reported which rows are far
//                from the view, the idle wait for that report, at most 50 ms); workerMs and its parts (workerSettingsMs, workerPingMs,
//                workerStringifyMs, workerFetchMs, workerReadMs, workerBadgeMs) and messagingMs (content
//                script ↔ worker both ways) split it
//   idleWaitMs   how long the capture waited for the page's idle period once the page had settled (page-watch.js;
//                0 for captures not started by the watcher)
//   startedAtMs / drawnAtMs  capture start and badges drawn, as performance.now() of the document (page scripts
//                share that clock: the benchmark measures "rows in the page → badges drawn" with them)
// Re-applying the last answer's badges after the page's own changes (suggestions.js, 60 ms after they settle; not
// part of a capture) is published as `refully:reapply-timings`: reapplyMs (placeMs + badgesMs + panelMs), rows, url.
// Each is published as a `refully:timings` (or `refully:reapply-timings`) CustomEvent on document whose detail is a JSON string
// (a string crosses from the extension's isolated world to page scripts; objects do not). Nothing is
// written into the page's DOM for it.
globalThis.Refully ??= {};

Refully.timings = (() => {
  const round = ms => Math.round(ms * 100) / 100;

  function publish(timing, name = "refully:timings") {
    const detail = {};
    for (const [key, value] of Object.entries(timing)) {
      detail[key] = key.endsWith("Ms") && typeof value === "number" ? round(value) : value;
    }
    document.dispatchEvent(new CustomEvent(name, { detail: JSON.stringify(detail) }));
    return detail;
  }

  return { publish };
})();
