// Totals over findings: per status the count and the amount per currency; what is claimable now; what expires soon.
import { addDays, today } from './format.js';

const ACTIONABLE = new Set(['Claimable', 'NeedsReview']);

export function totals(findings, asOf = today(), soonDays = 7) {
  const byStatus = {};
  const claimable = {};
  let expiringSoon = 0;
  let needsReview = 0;
  const soon = addDays(asOf, soonDays);
  for (const f of findings) {
    const entry = (byStatus[f.status] ??= { count: 0, amounts: {} });
    entry.count += 1;
    if (f.amount !== null && f.amount !== undefined && f.currency) {
      entry.amounts[f.currency] = round((entry.amounts[f.currency] ?? 0) + f.amount);
      if (f.status === 'Claimable') claimable[f.currency] = round((claimable[f.currency] ?? 0) + f.amount);
    }
    if (ACTIONABLE.has(f.status) && f.deadline >= asOf && f.deadline <= soon) expiringSoon += 1;
    if (f.status === 'NeedsReview') needsReview += 1;
  }
  return { byStatus, claimable, expiringSoon, needsReview };
}

function round(value) {
  return Math.round(value * 1000) / 1000;
}
