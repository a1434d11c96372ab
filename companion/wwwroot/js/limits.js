// Today's case count against the daily limit (GET /api/claims/limits), with the companion's warning.
import { say } from './dom.js';
import { api } from './api.js';

function describe(limits) {
  const count = limits.filedToday ?? limits.casesToday ?? limits.today ?? limits.count ?? 0;
  const limit = limits.dailyLimit ?? limits.limit ?? limits.perDay ?? null;
  const base = limit === null ? `Cases filed today: ${count}.` : `Cases filed today: ${count} of ${limit} a day.`;
  const warning = limits.warning ?? limits.message ?? (limit !== null && count >= limit
    ? 'The daily limit is reached: file more cases tomorrow, or Amazon may refuse them.' : null);
  return { text: warning ? `${base} ${warning}` : base, warn: Boolean(warning) };
}

/** Fills `el` with the limits; says nothing when the companion has no claims feature. */
export async function showLimits(el) {
  try {
    const { text, warn } = describe(await api('/api/claims/limits'));
    say(el, text, warn ? 'error' : 'info');
  } catch (error) {
    say(el, error.status === 404 ? '' : error.message, 'error');
  }
}
