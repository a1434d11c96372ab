// Pairing the dashboard with the companion: Pair asks for a code, the companion prints it in its own window (never
// in an answer), the person types it here, and the token the companion gives back is kept in this origin's
// localStorage. Unpair revokes it at the companion and forgets it.
import { byId, say } from './dom.js';
import { api, ApiError, forgetToken, hasToken, saveToken, tokenId } from './api.js';

let pairingId = null;

const els = () => ({
  state: byId('pair-state'),
  start: byId('pair-start'),
  form: byId('pair-form'),
  code: byId('pair-code'),
  cancel: byId('pair-cancel'),
  unpair: byId('unpair'),
  message: byId('pair-message'),
});

function show(state) {
  const e = els();
  e.state.textContent = { paired: 'Paired', unpaired: 'Not paired', pairing: 'Not paired: waiting for the code', offline: 'Companion not reachable' }[state];
  e.state.dataset.state = state;
  e.start.hidden = state !== 'unpaired' && state !== 'offline';
  e.form.hidden = state !== 'pairing';
  e.unpair.hidden = state !== 'paired';
}

async function check() {
  if (!hasToken()) {
    show(pairingId ? 'pairing' : 'unpaired');
    return;
  }
  try {
    await api('/api/status');
    show('paired');
  } catch (error) {
    if (error.code === 'COMPANION_OFFLINE') {
      show('offline');
      say(els().message, error.message, 'error');
    } else {
      show('unpaired'); // the token was refused and forgotten
    }
  }
}

async function start() {
  const e = els();
  say(e.message, '');
  try {
    const answer = await api('/api/pair/start', { method: 'POST', json: { clientName: 'Refully dashboard' }, auth: false });
    pairingId = answer.pairingId;
    show('pairing');
    say(e.message, 'Type the 6-digit code shown in the Refully companion\'s window.', 'info');
    e.code.value = '';
    e.code.focus();
  } catch (error) {
    say(e.message, error.message, 'error');
  }
}

async function confirm(event) {
  event.preventDefault();
  const e = els();
  const code = e.code.value.replace(/\D/g, '');
  if (code.length !== 6) {
    say(e.message, 'The code has 6 digits.', 'error');
    return;
  }
  try {
    const answer = await api('/api/pair/confirm', { method: 'POST', json: { pairingId, code }, auth: false });
    pairingId = null;
    saveToken(answer);
    show('paired');
    say(e.message, 'Paired with the companion.', 'ok');
  } catch (error) {
    if (error instanceof ApiError && error.code === 'PAIRING_NOT_FOUND') {
      pairingId = null;
      show('unpaired');
    }
    say(e.message, error.message, 'error');
  }
}

async function unpair() {
  const e = els();
  const id = tokenId();
  try {
    if (id) await api(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
  } catch {
    // forget it anyway: the person asked to unpair
  }
  forgetToken();
  show('unpaired');
  say(e.message, 'Unpaired: the token was revoked and forgotten.', 'info');
}

export function init() {
  const e = els();
  e.start.addEventListener('click', start);
  e.form.addEventListener('submit', confirm);
  e.cancel.addEventListener('click', () => {
    pairingId = null;
    show('unpaired');
    say(e.message, '');
  });
  e.unpair.addEventListener('click', unpair);
  window.addEventListener('hashchange', () => {
    if (hasToken()) say(e.message, ''); // "Paired" and pairing errors belong to the page they were shown on
  });
  window.addEventListener('refully:auth', (event) => {
    if (!event.detail.paired) show('unpaired');
  });
  check();
}
