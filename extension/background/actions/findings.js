// getFinding / dismissFinding / openFindingDetails: what a badge, the panel and the details page do with one
// finding (Claim is in claims.js). Ids and reasons are checked here before anything reaches the companion.
import { ErrorCodes, RefullyError } from "../../shared/errors.js";
import { callCompanion } from "../companion.js";

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_REASON_CHARS = 500;

function findingId(args) {
  const id = args?.id;
  if (typeof id !== "string" || !ID_PATTERN.test(id)) {
    throw new RefullyError(ErrorCodes.BAD_ARGS, "A finding id is letters, digits, '-' and '_' only.");
  }
  return id;
}

const findingPath = id => `/api/findings/${encodeURIComponent(id)}`;

// GET /api/findings/{id}: the finding with its lifecycle and history (the details page).
export async function getFinding(args) {
  return callCompanion(findingPath(findingId(args)));
}

// POST /api/findings/{id}/dismiss with the seller's reason; answers the finding's new detail.
export async function dismissFinding(args) {
  const id = findingId(args);
  const reason = typeof args?.reason === "string" ? args.reason.trim() : "";
  if (reason === "" || reason.length > MAX_REASON_CHARS) {
    throw new RefullyError(ErrorCodes.BAD_ARGS, `Say why the finding is dismissed (1–${MAX_REASON_CHARS} characters).`);
  }
  return callCompanion(`${findingPath(id)}/dismiss`, { method: "POST", body: { reason } });
}

// Opens extension/details/details.html?id=… in a new tab next to the page the seller clicked in.
export async function openFindingDetails(args, sender) {
  return openDetails(findingId(args), sender, "");
}

async function openDetails(id, sender, extra) {
  const url = chrome.runtime.getURL(`extension/details/details.html?id=${encodeURIComponent(id)}${extra}`);
  const tab = await chrome.tabs.create({
    url,
    openerTabId: sender.tab?.id,
    index: sender.tab ? sender.tab.index + 1 : undefined,
  });
  return { tabId: tab.id, url };
}
