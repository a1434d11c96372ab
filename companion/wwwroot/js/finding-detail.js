// One finding: what it is and why (explanation), its evidence, its history (audit trail), and the seller's actions:
// Dismiss with a reason, and Confirm for findings that need a person's review.
import { byId, fill, h, row, say } from './dom.js';
import { api } from './api.js';
import { dateTime, money, statusLabel, typeLabel } from './format.js';

let currentId = null;

function facts(detail) {
  const f = detail.finding;
  const items = [
    ['Status', statusLabel(f.status)],
    ['Confidence', f.confidence],
    ['Marketplace', f.marketplace],
    ['Units', String(f.units)],
    ['Amount', money(f.amount, f.currency)],
    ['Eligible from', f.eligibleFrom],
    ['Deadline', f.deadline],
    ['SKU', f.sku],
    ['FNSKU', f.fnsku],
    ['ASIN', f.asin],
    ['Order', f.orderId],
    ['Shipment', f.shipmentId],
    ['Removal order', f.removalOrderId],
    ['Reference', f.referenceId],
    ['Case id', detail.caseId],
    ['Filed', detail.claim?.filedAt ? dateTime(detail.claim.filedAt) : null],
    ['Case status', detail.claim?.caseStatusText ?? detail.claim?.caseStatus],
    ['Units recovered', detail.claim?.unitsRecovered ?? null],
    ['Still owed', detail.claim?.amountRemaining === null || detail.claim?.amountRemaining === undefined ? null : money(detail.claim.amountRemaining, f.currency)],
    ['Recovered', detail.amountRecovered === null || detail.amountRecovered === undefined ? null : money(detail.amountRecovered, f.currency)],
    ['Dismissed because', detail.dismissReason],
    ['Still detected', detail.detected ? null : 'No: the latest scan no longer finds it'],
    ['First seen', dateTime(detail.firstSeenAt)],
    ['Id', f.id],
  ];
  return items.filter(([, v]) => v !== null && v !== undefined && v !== '').flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))]);
}

function render(detail) {
  const f = detail.finding;
  byId('finding-title').textContent = `${typeLabel(f.type)} · ${f.marketplace} · ${f.fnsku ?? f.sku ?? f.orderId ?? f.shipmentId ?? f.id}`;
  const status = byId('finding-status');
  status.textContent = statusLabel(f.status);
  status.className = `badge status-${f.status}`;
  status.dataset.status = f.status;
  byId('finding-explanation').textContent = f.explanation;
  fill(byId('finding-facts'), facts(detail));
  fill(byId('evidence-table').tBodies[0], f.evidence.map((e) => row([e.date, e.source, e.referenceId ?? '', h('span', { class: 'num' }, String(e.quantity)), e.note])));
  fill(byId('history-table').tBodies[0], detail.history.map((c) => row([dateTime(c.at), statusLabel(c.status), c.source, c.note ?? ''], { dataset: { status: c.status } })));
  const closed = ['Dismissed', 'Filed', 'Reimbursed', 'Denied'].includes(f.status);
  byId('dismiss-form').hidden = closed;
  byId('confirm-box').hidden = f.status !== 'NeedsReview';
}

async function load(id) {
  const message = byId('finding-message');
  try {
    render(await api(`/api/findings/${encodeURIComponent(id)}`));
  } catch (error) {
    byId('finding-title').textContent = 'Finding not available';
    say(message, error.message, 'error');
  }
}

async function act(path, json, done) {
  const message = byId('finding-message');
  try {
    const detail = await api(`/api/findings/${encodeURIComponent(currentId)}/${path}`, { method: 'POST', json });
    render(detail);
    say(message, done, 'ok');
    return true;
  } catch (error) {
    say(message, error.message, 'error');
    return false;
  }
}

export function init() {
  byId('dismiss-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const reason = byId('dismiss-reason').value.trim();
    if (!reason) {
      say(byId('finding-message'), 'Say why you dismiss it: the reason is kept in its history.', 'error');
      return;
    }
    if (await act('dismiss', { reason }, 'Dismissed.')) byId('dismiss-reason').value = '';
  });
  byId('confirm').addEventListener('click', () => act('confirm', undefined, 'Confirmed: it can now be claimed.'));
}

export async function show(id) {
  currentId = id;
  say(byId('finding-message'), '');
  fill(byId('finding-facts'));
  byId('finding-explanation').textContent = '';
  await load(id);
}
