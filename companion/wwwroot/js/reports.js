// Report uploads: send the chosen files (multipart POST /api/reports), follow the job's per-file progress
// (GET /api/reports/jobs/{id}) until it is done, show what each file was read as, then rescan for findings.
import { byId, fill, h, say } from './dom.js';
import { api } from './api.js';

const POLL_MS = 400;
const FILE_STATES = { queued: 'Waiting', reading: 'Reading', imported: 'Imported', rejected: 'Rejected' };

function fileRow(file) {
  const imp = file.import;
  const range = imp?.from ? `${imp.from} to ${imp.to}` : '';
  const problems = imp?.problems?.length ? h('ul', { class: 'problems' }, imp.problems.map((p) => h('li', {}, p))) : '';
  return h('tr', { dataset: { state: file.state } },
    h('td', {}, file.file),
    h('td', {}, FILE_STATES[file.state] ?? file.state),
    h('td', { class: 'num' }, String(file.rows)),
    h('td', {}, imp ? (imp.report ?? 'not a known report') : ''),
    h('td', {}, imp ? imp.marketplaces.join(', ') : ''),
    h('td', {}, range),
    h('td', {}, problems));
}

function jobTable(job) {
  return h('table', { class: 'job' },
    h('caption', {}, `Upload ${job.id}: ${job.state === 'done' ? 'done' : job.state === 'running' ? 'importing…' : 'waiting…'}`),
    h('thead', {}, h('tr', {}, ['File', 'State', 'Rows', 'Read as', 'Marketplaces', 'Dates', 'Problems'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, job.files.map(fileRow)));
}

function renderJob(container, job) {
  container.dataset.state = job.state;
  fill(container, jobTable(job));
}

async function follow(container, job) {
  const message = byId('reports-message');
  while (job.state !== 'done') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    try {
      job = await api(`/api/reports/jobs/${encodeURIComponent(job.id)}`);
    } catch (error) {
      say(message, error.message, 'error');
      return;
    }
    renderJob(container, job);
  }
  const imported = job.files.filter((f) => f.state === 'imported').length;
  if (!imported) {
    say(message, 'No file was imported: see the problems above.', 'error');
    return;
  }
  say(message, `${imported} of ${job.files.length} files imported. Looking for claims…`);
  try {
    const findings = await api('/api/findings/rescan', { method: 'POST' });
    say(message, `${imported} of ${job.files.length} files imported; ${findings.length} findings detected.`, 'ok');
  } catch (error) {
    say(message, error.message, 'error');
  }
}

async function upload(event) {
  event.preventDefault();
  const input = byId('report-files');
  const message = byId('reports-message');
  if (!input.files.length) {
    say(message, 'Choose one or more report files first.', 'error');
    return;
  }
  const form = new FormData();
  for (const file of input.files) form.append('files', file, file.name);
  const button = byId('upload');
  button.disabled = true;
  say(message, 'Uploading…');
  try {
    const job = await api('/api/reports', { method: 'POST', form });
    input.value = '';
    const container = h('section', { class: 'job-card', dataset: { job: job.id }, 'aria-live': 'polite' });
    byId('jobs').prepend(container);
    renderJob(container, job);
    say(message, 'Importing…');
    await follow(container, job);
  } catch (error) {
    say(message, error.message, 'error');
  } finally {
    button.disabled = false;
  }
}

export function init() {
  byId('upload-form').addEventListener('submit', upload);
}

export async function show() {}
