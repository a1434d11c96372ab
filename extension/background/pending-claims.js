// The claim a tab is filing: { draftId, findingId, marketplace, openedAt } per tab id, in chrome.storage.session
// (never in globals: the worker is stopped after ~30 s idle; gone when the browser closes). Content scripts
// cannot read session storage: they ask the worker (getClaimForm, reportCaseId).
const KEY = "pendingClaims";

async function all() {
  const { [KEY]: claims } = await chrome.storage.session.get(KEY);
  return claims || {};
}

export async function pendingClaimOf(tabId) {
  return tabId === undefined ? null : (await all())[tabId] || null;
}

export async function setPendingClaim(tabId, claim) {
  const claims = await all();
  claims[tabId] = { ...claim, openedAt: claim.openedAt || new Date().toISOString() };
  await chrome.storage.session.set({ [KEY]: claims });
}

export async function clearPendingClaim(tabId) {
  const claims = await all();
  if (tabId in claims) {
    delete claims[tabId];
    await chrome.storage.session.set({ [KEY]: claims });
  }
}
