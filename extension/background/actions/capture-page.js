// capturePage: a content script hands over a Seller Central page; the companion reads it and answers.
import { ErrorCodes, RefullyError } from "../../shared/errors.js";
import { States } from "../../shared/states.js";
import { showState } from "../badge.js";
import { callCompanion } from "../companion.js";
import { readConnectionState, stateOfError } from "../connection-state.js";
import { getSettings } from "../settings.js";

export async function capturePage(args, sender) {
  const started = performance.now();
  const page = validCapture(args, sender);
  const settings = await getSettings();
  if (!settings.token) {
    // Not paired: nothing is sent. Only find out whether the companion runs, to show the right hint.
    const { state } = await readConnectionState();
    return { state };
  }
  try {
    let companionMs = null;
    const marks = {};
    const answer = await callCompanion("/api/pages", {
      method: "POST", body: page, settings, marks, onHeaders: headers => { companionMs = serverTiming(headers.get("Server-Timing")); },
    });
    await showState(States.paired);
    const done = performance.now();
    const workerMs = { settings: marks.settings - started, ping: marks.ping - marks.settings, stringify: marks.stringify - marks.ping,
      fetch: marks.fetch - marks.stringify, read: marks.read - marks.fetch, badge: done - marks.read, total: done - started };
    return { state: States.paired, answer, companionMs, workerMs };
  } catch (error) {
    const state = stateOfError(error);
    if (!state) {
      // The companion is there and knows us, it just refused this page (too large, …).
      await showState(States.paired);
      throw error;
    }
    await showState(state);
    return { state, reason: error.message };
  }
}

function validCapture(args, sender) {
  const { url, title, capturedAt, html } = args ?? {};
  if (typeof url !== "string" || typeof html !== "string" || html.length === 0) {
    throw new RefullyError(ErrorCodes.BAD_ARGS, "capturePage needs { url, html } as strings.");
  }
  // A page may only speak for itself: the URL must be on the origin of the tab that sent it.
  if (new URL(url).origin !== (sender.origin ?? new URL(sender.url).origin)) {
    throw new RefullyError(ErrorCodes.BAD_ARGS, "The captured URL is not the sending page's.");
  }
  return {
    url,
    title: typeof title === "string" ? title : "",
    capturedAt: typeof capturedAt === "string" ? capturedAt : new Date().toISOString(),
    html,
  };
}

// "parse;dur=12.0, store;dur=3.1, detect;dur=40.2, total;dur=56.0" → { parse: 12, store: 3.1, detect: 40.2, total: 56 }
function serverTiming(header) {
  if (!header) {
    return null;
  }
  const timings = {};
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().split(";");
    const duration = params.map(p => p.trim()).find(p => p.startsWith("dur="));
    if (name && duration) {
      timings[name] = Number(duration.slice(4));
    }
  }
  return timings;
}
