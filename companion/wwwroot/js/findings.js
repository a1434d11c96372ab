// The findings list: totals by status, filters (status, type, marketplace, identifier search), the table sorted by
// deadline, and Rescan.
import { byId, fill, h, row, say } from './dom.js';
import { api } from './api.js';
import { CLAIM_TYPES, STATUSES, money, moneyByCurrency, statusLabel, typeLabel } from './format.js';
import { totals } from './totals.js';

let searchTimer = null;
let loading = 0;

function filters() {
  const field = byId('search-field').value;
  const q = byId('search').value.trim();
  const params = new URLSearchParams();
  for (const [name, id] of [['status', 'filter-status'], ['type', 'filter-type'], ['marketplace', 'filter-marketplace']]) {
    const value = byId(id).value;
    if (value) params.set(name, value);
  }
  if (q && field !== 'any') params.set(field, q);
  return { params, contains: field === 'any' ? q.toLowerCase() : '' };
}

function matches(finding, needle) {
  if (!needle) return true;
  return [finding.sku, finding.fnsku, finding.orderId, finding.shipmentId, finding.removalOrderId]
    .some((v) => v && v.toLowerCase().includes(needle));
}

function byDeadline(a, b) {
  return a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id);
}

function renderTotals(all) {
  const t = totals(all);
  byId('total-claimable').textContent = moneyByCurrency(t.claimable);
  byId('expiring-count').textContent = String(t.expiringSoon);
  byId('review-count').textContent = String(t.needsReview);
  const body = byId('totals-table').tBodies[0];
  const rows = STATUSES.filter((s) => t.byStatus[s]).map((s) =>
    row([statusLabel(s), String(t.byStatus[s].count), moneyByCurrency(t.byStatus[s].amounts)], { dataset: { status: s } }));
  fill(body, rows.length ? rows : row(['No findings yet. Upload reports to find what Amazon owes you.', '', '']));
}

function renderMarketplaces(all) {
  const select = byId('filter-marketplace');
  const chosen = select.value;
  const markets = [...new Set(all.map((f) => f.marketplace))].sort();
  fill(select, h('option', { value: '' }, 'Any marketplace'), markets.map((m) => h('option', { value: m }, m)));
  select.value = markets.includes(chosen) ? chosen : '';
}

function renderTable(list) {
  const body = byId('findings-table').tBodies[0];
  fill(body, list.map((f) => row([
    f.deadline,
    h('span', { class: `badge status-${f.status}` }, statusLabel(f.status)),
    h('a', { href: `#finding/${encodeURIComponent(f.id)}` }, typeLabel(f.type)),
    f.marketplace,
    f.sku ?? '',
    f.fnsku ?? '',
    f.orderId ?? f.shipmentId ?? f.removalOrderId ?? '',
    h('span', { class: 'num' }, String(f.units)),
    h('span', { class: 'num' }, money(f.amount, f.currency)),
  ], { dataset: { id: f.id, status: f.status } })));
  byId('findings-count').textContent = list.length === 1 ? '1 finding' : `${list.length} findings`;
}

async function load() {
  const message = byId('findings-message');
  const ticket = ++loading;
  const { params, contains } = filters();
  try {
    const query = params.toString();
    const [all, filtered] = await Promise.all([
      api('/api/findings'),
      query ? api(`/api/findings?${query}`) : null,
    ]);
    if (ticket !== loading) return; // a newer request is on its way
    renderTotals(all);
    renderMarketplaces(all);
    renderTable((filtered ?? all).filter((f) => matches(f, contains)).sort(byDeadline));
    byId('findings-table').dataset.loaded = query + '|' + contains;
  } catch (error) {
    say(message, error.message, 'error');
  }
}

async function rescan() {
  const button = byId('rescan');
  const message = byId('findings-message');
  button.disabled = true;
  say(message, 'Rescanning…');
  try {
    const found = await api('/api/findings/rescan', { method: 'POST' });
    say(message, `Rescan done: ${found.length} findings detected.`, 'ok');
    await load();
  } catch (error) {
    say(message, error.message, 'error');
  } finally {
    button.disabled = false;
  }
}

export function init() {
  fill(byId('filter-status'), h('option', { value: '' }, 'Any status'), STATUSES.map((s) => h('option', { value: s }, statusLabel(s))));
  fill(byId('filter-type'), h('option', { value: '' }, 'Any type'), CLAIM_TYPES.map((t) => h('option', { value: t }, typeLabel(t))));
  const form = byId('filters');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  form.addEventListener('change', () => load());
  form.addEventListener('reset', () => setTimeout(load)); // after the browser has reset the fields
  byId('search').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(load, 250);
  });
  byId('rescan').addEventListener('click', rescan);
}

export async function show() {
  say(byId('findings-message'), '');
  await load();
}
