// The only code in Refully that talks to the companion. Content scripts cannot (Chromium's Local Network
// Access check blocks their fetches to 127.0.0.1) and must not (the token stays in the worker).
import { CompanionOfflineError, ErrorCodes, RefullyError } from "../shared/errors.js";
import { getSettings } from "./settings.js";

const DEFAULT_TIMEOUT_MS = 5000;
const PING_TIMEOUT_MS = 2000;
const SERVICE_NAME = "refully-companion";
const IDENTITY_HEADER = "X-Refully-Companion";
// How long a companion that answered /api/ping as itself is trusted with the token without asking again.
// Pinging before every call cost a round trip per capture (20-50 ms on a loaded machine). Any failed call
// (refused, timed out) forgets it, so a companion that stopped is pinged again before the token goes
// anywhere; worker memory only, so a restarted worker pings first too.
const PING_FRESH_MS = 30_000;
let trusted = { companionUrl: "", at: -Infinity };
// Bodies longer than this go gzip-compressed (Content-Encoding: gzip; the companion holds its size limit to the
// decompressed bytes). A 0.4 M-character capture packs to about a tenth: handing 0.4 MB through Chromium's network
// service cost ~50 ms more than the companion's own time per capture; packing it costs ~12 ms here, off the page's
// main thread (docs/extension.md, Performance).
const GZIP_FROM_CHARS = 32_768;

// Calls the companion and returns its JSON answer (null for 204).
//   auth: send the token (default). Before the token leaves the worker, /api/ping must answer with the
//         companion's fixed identity, so another program that took the port never sees the token.
// Throws CompanionOfflineError when the companion is unreachable, slow or not the companion,
// RefullyError(NOT_PAIRED) without a token, and RefullyError(<companion code>) for its refusals.
//   onHeaders: called with the response headers of a successful answer (e.g. to read Server-Timing).
//   settings: the caller's getSettings() result, when it already read them (one storage read per call).
//   marks: filled with performance.now() after each step (settings, ping, stringify, fetch, read), for timings.
export async function callCompanion(path, { method = "GET", body, auth = true, timeoutMs = DEFAULT_TIMEOUT_MS, onHeaders, settings, marks } = {}) {
  const mark = marks ? name => { marks[name] = performance.now(); } : () => {};
  const { companionUrl, token } = settings ?? await getSettings();
  mark("settings");
  const headers = { Accept: "application/json" };
  if (auth) {
    if (!token) {
      throw new RefullyError(ErrorCodes.NOT_PAIRED, "Refully is not paired with the companion yet.");
    }
    if (trusted.companionUrl !== companionUrl || performance.now() - trusted.at > PING_FRESH_MS) {
      await pingCompanion(companionUrl);
    }
    headers.Authorization = `Bearer ${token}`;
  }
  mark("ping");
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  const json = body === undefined ? undefined : JSON.stringify(body);
  const payload = json !== undefined && json.length > GZIP_FROM_CHARS ? await gzip(json, headers) : json;
  mark("stringify");
  const response = await send(`${companionUrl}${path}`, { method, headers, body: payload }, timeoutMs);
  mark("fetch");
  if (!response.ok) {
    throw await problemOf(response);
  }
  onHeaders?.(response.headers);
  const answer = response.status === 204 ? null : await response.json();
  mark("read");
  return answer;
}

// GET /api/ping: resolves with {service, version, apiVersion} when the companion answers as itself.
// A good answer trusts the companion at that address for PING_FRESH_MS (see callCompanion).
export async function pingCompanion(companionUrl) {
  companionUrl ??= (await getSettings()).companionUrl;
  trusted = { companionUrl: "", at: -Infinity };
  const response = await send(`${companionUrl}/api/ping`, { method: "GET", headers: { Accept: "application/json" } }, PING_TIMEOUT_MS);
  const identity = response.ok && response.headers.has(IDENTITY_HEADER) ? await response.json().catch(() => null) : null;
  if (!identity || identity.service !== SERVICE_NAME) {
    throw new CompanionOfflineError(`Something else answers on ${companionUrl}: it is not the Refully companion.`, "not-companion");
  }
  trusted = { companionUrl, at: performance.now() };
  return identity;
}

async function gzip(text, headers) {
  headers["Content-Encoding"] = "gzip";
  return new Response(new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer();
}

async function send(url, init, timeoutMs) {
  try {
    // No cookies, no cache: the companion authenticates by token only.
    return await fetch(url, { ...init, credentials: "omit", cache: "no-store", signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    trusted = { companionUrl: "", at: -Infinity }; // gone or hung: ping again before the token is sent anywhere
    const timedOut = error?.name === "TimeoutError" || error?.name === "AbortError";
    throw new CompanionOfflineError(
      timedOut ? `The companion did not answer within ${timeoutMs} ms.` : `The companion is not running at ${new URL(url).origin}.`,
      timedOut ? "timeout" : "unreachable");
  }
}

// The companion answers errors as ProblemDetails with a stable `code`; anything else becomes COMPANION_ERROR.
async function problemOf(response) {
  const problem = await response.json().catch(() => null);
  return new RefullyError(
    problem?.code || ErrorCodes.COMPANION_ERROR,
    problem?.detail || problem?.title || `The companion answered ${response.status}.`,
    response.status);
}
