// One claim draft: where to file it (a link that opens Seller Central with #refully-claim=<id>, which the extension
// picks up to fill the form), the subject, message and fields with copy buttons, the attachments checklist, and
// "Mark as filed" with the case id Amazon gave.
import { byId, copyButton, fill, h, row, say } from './dom.js';
import { api } from './api.js';
import { money, typeLabel } from './format.js';
import { showLimits } from './limits.js';

let currentId = null;
let currentMarketplace = null;

/** The Seller Central address with the draft id in the fragment; only https addresses are linked. */
export function fileLink(url, id) {
  let target;
  try {
    target = new URL(url);
  } catch {
    return null;
  }
  if (target.protocol !== 'https:') return null;
  target.hash = `refully-claim=${encodeURIComponent(id)}`;
  return target.href;
}

function where(draft) {
  const fileAt = draft.fileAt ?? {};
  const href = fileAt.url ? fileLink(fileAt.url, draft.id) : null;
  const parts = [];
  if (href) {
    parts.push(h('a', { id: 'draft-file-link', href, target: '_blank', rel: 'noopener noreferrer' }, `Open ${fileAt.tool || 'the Seller Central form'}`));
  } else {
    parts.push(fileAt.url ? `Not a Seller Central address: ${fileAt.url}` : 'No filing address is known for this claim.');
  }
  if (fileAt.navigation) parts.push(h('span', { class: 'navigation' }, ` (${fileAt.navigation})`));
  if (fileAt.verified === false) parts.push(h('span', { class: 'unverified' }, ' This address is not verified for this marketplace: check it before filing.'));
  if (href) parts.push(h('span', { class: 'hint' }, ' With the Refully extension installed, the form is filled in for you; check it and submit it yourself.'));
  return parts;
}

function render(draft) {
  const status = byId('copy-status');
  byId('draft-title').textContent = `${typeLabel(draft.claimType)} · ${draft.marketplace ?? ''}`;
  const findingLinks = (draft.findingIds ?? []).flatMap((id, i) => [i ? ', ' : '', h('a', { href: `#finding/${encodeURIComponent(id)}` }, id)]);
  fill(byId('draft-facts'), [
    ['Units', draft.units], ['Amount', money(draft.amount, draft.currency)], ['Deadline', draft.deadline],
    ['Language', draft.language], ['Findings', findingLinks.length ? findingLinks : null],
  ].filter(([, v]) => v !== null && v !== undefined && v !== '').flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  fill(byId('draft-where'), where(draft));
  byId('draft-subject').textContent = draft.subject ?? '';
  fill(byId('draft-subject-copy'), copyButton('subject', draft.subject, status));
  byId('draft-body').textContent = draft.body ?? '';
  fill(byId('draft-body-copy'), copyButton('message', draft.body, status));
  fill(byId('draft-fields').tBodies[0], (draft.fields ?? []).map((f) =>
    row([f.label ?? f.name, f.value ?? '', copyButton(f.label ?? f.name, f.value, status)], { dataset: { name: f.name } })));
  fill(byId('draft-attachments'), (draft.attachments ?? []).map((a, i) => h('li', {},
    h('input', { type: 'checkbox', id: `attachment-${i}` }),
    h('label', { for: `attachment-${i}` }, a.label ?? a.kind, a.required ? ' (required)' : ' (optional)'))));
  if (!(draft.attachments ?? []).length) fill(byId('draft-attachments'), h('li', {}, 'No attachments needed.'));
  fill(byId('draft-notes'), (draft.notes ?? []).map((n) => h('li', {}, n)));
}

async function markFiled(event, acknowledgeLimit = false) {
  event?.preventDefault();
  const message = byId('draft-message');
  const anyway = byId('file-anyway');
  anyway.hidden = true;
  const caseId = byId('case-id').value.trim();
  if (!caseId) {
    say(message, 'Type the case id Amazon gave when you filed.', 'error');
    return;
  }
  try {
    const answer = await api(`/api/claims/drafts/${encodeURIComponent(currentId)}/filed`, {
      method: 'POST', json: { caseId, source: 'dashboard', acknowledgeLimit },
    });
    const count = answer.findings.length;
    say(message, `Marked as filed with case ${answer.caseId}: ${count} ${count === 1 ? 'finding' : 'findings'} now Filed.`, 'ok');
    byId('case-id').value = '';
    byId('filed-form').hidden = true;
  } catch (error) {
    say(message, error.message, 'error');
    anyway.hidden = error.code !== 'DAILY_LIMIT_REACHED';
  }
  showLimits(byId('draft-limits'), currentMarketplace);
}

export function init() {
  byId('filed-form').addEventListener('submit', (event) => markFiled(event));
  byId('file-anyway').addEventListener('click', () => markFiled(null, true));
}

export async function show(id) {
  currentId = id;
  currentMarketplace = null;
  say(byId('draft-message'), '');
  say(byId('copy-status'), '');
  byId('file-anyway').hidden = true;
  byId('filed-form').hidden = false;
  try {
    const draft = await api(`/api/claims/drafts/${encodeURIComponent(id)}`);
    currentMarketplace = draft.marketplace;
    render(draft);
    showLimits(byId('draft-limits'), draft.marketplace);
  } catch (error) {
    byId('draft-title').textContent = 'Claim draft not available';
    say(byId('draft-message'), error.message, 'error');
  }
}
