// Claim drafts ready to file, soonest deadline first, with today's case count against the daily limit.
import { byId, fill, h, row, say } from './dom.js';
import { api } from './api.js';
import { money, typeLabel } from './format.js';
import { showLimits } from './limits.js';

function render(drafts) {
  const sorted = [...drafts].sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.id.localeCompare(b.id));
  const body = byId('drafts-table').tBodies[0];
  fill(body, sorted.map((d) => row([
    d.deadline ?? '',
    typeLabel(d.claimType),
    d.marketplace ?? '',
    h('a', { href: `#draft/${encodeURIComponent(d.id)}` }, d.subject || 'Open draft'),
    h('span', { class: 'num' }, d.units === null || d.units === undefined ? '' : String(d.units)),
    h('span', { class: 'num' }, money(d.amount, d.currency)),
  ], { dataset: { id: d.id } })));
  if (!sorted.length) fill(body, row(['No claim drafts: claimable findings become drafts here.', '', '', '', '', '']));
}

export function init() {}

export async function show() {
  const message = byId('claims-message');
  say(message, '');
  showLimits(byId('claims-limits'));
  try {
    render(await api('/api/claims/drafts'));
  } catch (error) {
    fill(byId('drafts-table').tBodies[0]);
    say(message, error.status === 404 ? 'This companion cannot draft claims yet.' : error.message, 'error');
  }
}
