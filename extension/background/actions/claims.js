// claimFinding / getClaimForm / reportCaseId: from a finding to a filled case form to a Filed finding.
// The worker checks the guard rails (Waiting, already filed, daily limit) BEFORE a form is opened, remembers
// which draft a tab is filing (pending-claims.js), and reports the case id Seller Central gave. Nothing here
// ever submits a form: the seller presses Submit.
import { ErrorCodes, RefullyError } from "../../shared/errors.js";
import { callCompanion } from "../companion.js";
import { clearPendingClaim, pendingClaimOf, setPendingClaim } from "../pending-claims.js";

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const CASE_ID_PATTERN = /^\d{5,20}$/;
export const CLAIM_HASH = "refully-claim";

function checkedId(value, what) {
  if (typeof value !== "string" || !ID_PATTERN.test(value)) {
    throw new RefullyError(ErrorCodes.BAD_ARGS, `A ${what} id is letters, digits, '-' and '_' only.`);
  }
  return value;
}

// Why a finding has no draft, with the companion's codes (CLAIM_WAITING, CLAIM_ALREADY_FILED).
async function refusalFor(findingId) {
  const detail = await callCompanion(`/api/findings/${encodeURIComponent(findingId)}`);
  const { status, eligibleFrom } = detail.finding;
  if (status === "Waiting") {
    return new RefullyError("CLAIM_WAITING",
      `Not yet: this finding is Waiting (Amazon may still settle it on its own). Claim it from ${eligibleFrom ?? "its claim date"}.`, 409);
  }
  if (detail.caseId || ["Filed", "Reimbursed", "Denied"].includes(status)) {
    return new RefullyError("CLAIM_ALREADY_FILED",
      `Already filed${detail.caseId ? ` as case ${detail.caseId}` : ""}: Refully does not open a second case for it.`, 409);
  }
  const why = { Dismissed: "it was dismissed", Expired: "its claim window has closed", NeedsReview: "it needs your review first (confirm it on the details page)" };
  return new RefullyError("NO_CLAIM_DRAFT", `Nothing to claim: ${why[status] ?? `its status is ${status}`}.`, 409);
}

// Badge or panel Claim: the finding's draft → limits → a new tab at fileAt.url#refully-claim=<draft id>.
// Answers { tabId, url, draftId, warning } (warning: the companion's sentence near the daily limit, or null).
export async function claimFinding(args, sender) {
  const findingId = checkedId(args?.id, "finding");
  const drafts = await callCompanion(`/api/claims/drafts?findingId=${encodeURIComponent(findingId)}`);
  const draft = drafts?.[0];
  if (!draft) {
    throw await refusalFor(findingId);
  }
  const limits = await callCompanion(`/api/claims/limits?marketplace=${encodeURIComponent(draft.marketplace)}`);
  if (limits.reached) {
    throw new RefullyError("DAILY_LIMIT_REACHED",
      limits.warning || `You filed ${limits.filedToday} of ${limits.limit} cases today in ${draft.marketplace}: file this one tomorrow.`, 429);
  }
  const target = new URL(draft.fileAt.url);
  if (target.protocol !== "https:") {
    throw new RefullyError(ErrorCodes.BAD_ARGS, "The draft's address is not an https Seller Central page.");
  }
  target.hash = `${CLAIM_HASH}=${encodeURIComponent(draft.id)}`;
  const tab = await chrome.tabs.create({
    url: target.href,
    openerTabId: sender.tab?.id,
    index: sender.tab ? sender.tab.index + 1 : undefined,
  });
  await setPendingClaim(tab.id, { draftId: draft.id, findingId, marketplace: draft.marketplace });
  return { tabId: tab.id, url: target.href, draftId: draft.id, warning: limits.warning || null };
}

// The content script of a Seller Central tab asks what to fill: the draft named in its URL hash (the dashboard's
// links, or a Claim), else the tab's pending claim. Answers { draft, pending } or null when the tab files nothing.
export async function getClaimForm(args, sender) {
  const tabId = sender.tab?.id;
  const pending = await pendingClaimOf(tabId);
  const draftId = args?.draftId ? checkedId(args.draftId, "draft") : pending?.draftId;
  if (!draftId) {
    return null;
  }
  const draft = await callCompanion(`/api/claims/drafts/${encodeURIComponent(draftId)}`);
  if (pending?.draftId !== draftId) {
    await setPendingClaim(tabId, { draftId, findingId: null, marketplace: draft.marketplace });
  }
  return { draft };
}

// The case id Seller Central showed after the seller submitted (confirmation text or caseID= in the URL).
// Recorded only for a tab that has a pending claim; the case already exists at Amazon, so a reached daily limit
// is acknowledged (acknowledgeLimit) rather than losing the case id. Answers { recorded, caseId, draftId, warning }.
export async function reportCaseId(args, sender) {
  const caseId = typeof args?.caseId === "string" ? args.caseId.trim() : "";
  if (!CASE_ID_PATTERN.test(caseId)) {
    throw new RefullyError(ErrorCodes.BAD_ARGS, "A case id is 5–20 digits.");
  }
  const tabId = sender.tab?.id;
  const pending = await pendingClaimOf(tabId);
  if (!pending) {
    return { recorded: false, caseId, draftId: null, warning: null };
  }
  const path = `/api/claims/drafts/${encodeURIComponent(pending.draftId)}/filed`;
  let answer;
  try {
    answer = await callCompanion(path, { method: "POST", body: { caseId, source: "extension" } });
  } catch (error) {
    if (error.code === "DAILY_LIMIT_REACHED") {
      answer = await callCompanion(path, { method: "POST", body: { caseId, source: "extension", acknowledgeLimit: true } });
    } else {
      if (error.code === "CLAIM_ALREADY_FILED" || error.code === "DRAFT_NOT_FOUND") {
        await clearPendingClaim(tabId);
      }
      throw error;
    }
  }
  await clearPendingClaim(tabId);
  return { recorded: true, caseId: answer.caseId, draftId: pending.draftId, alreadyRecorded: answer.alreadyRecorded, warning: answer.warning || null };
}

// A closed tab files nothing any more.
export function forgetClosedTab(tabId) {
  return clearPendingClaim(tabId);
}
