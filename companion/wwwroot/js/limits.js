// Today's case count against the daily limit (GET /api/claims/limits), with the companion's warning near or at it.
import { say } from './dom.js';
import { api } from './api.js';

/** "Cases filed today (US): 3 of 10." plus the companion's warning; kind "error" when reached, "warn" when near. */
export function describeLimits(limits) {
  const where = limits.marketplace ? ` (${limits.marketplace})` : '';
  const base = `Cases filed today${where}: ${limits.filedToday} of ${limits.limit}.`;
  const kind = limits.reached ? 'error' : limits.nearLimit ? 'warn' : 'info';
  return { text: limits.warning ? `${base} ${limits.warning}` : base, kind };
}

/** Fills `el` with the limits of one marketplace, or of the most constrained one. */
export async function showLimits(el, marketplace) {
  try {
    const query = marketplace ? `?marketplace=${encodeURIComponent(marketplace)}` : '';
    const { text, kind } = describeLimits(await api(`/api/claims/limits${query}`));
    say(el, text, kind);
  } catch (error) {
    say(el, error.message, 'error');
  }
}
