// The one way the dashboard calls the companion: same origin, JSON (multipart for uploads), the dashboard's
// own token as `Authorization: Bearer` (never in a URL), ProblemDetails errors turned into ApiError with `code`.

const TOKEN_KEY = 'refully.dashboard.token';
const TOKEN_ID_KEY = 'refully.dashboard.tokenId';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function hasToken() {
  return Boolean(localStorage.getItem(TOKEN_KEY));
}

export function tokenId() {
  return localStorage.getItem(TOKEN_ID_KEY);
}

export function saveToken({ tokenId: id, token }) {
  localStorage.setItem(TOKEN_KEY, token);
  localStorage.setItem(TOKEN_ID_KEY, id);
  window.dispatchEvent(new CustomEvent('refully:auth', { detail: { paired: true } }));
}

export function forgetToken() {
  const had = hasToken();
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(TOKEN_ID_KEY);
  if (had) window.dispatchEvent(new CustomEvent('refully:auth', { detail: { paired: false } }));
}

/**
 * Calls the companion. `json`: a body sent as application/json; `form`: a FormData sent as multipart;
 * `auth: false` only for ping and pairing. Resolves to the parsed JSON (null for 204).
 */
export async function api(path, { method = 'GET', json, form, auth = true } = {}) {
  const headers = { Accept: 'application/json' };
  if (auth) {
    const token = localStorage.getItem(TOKEN_KEY);
    if (!token) throw new ApiError(0, 'NOT_PAIRED', 'The dashboard is not paired with the companion.');
    headers.Authorization = `Bearer ${token}`;
  }
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form !== undefined) {
    body = form; // the browser sets multipart/form-data with its boundary
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
  } catch {
    throw new ApiError(0, 'COMPANION_OFFLINE', 'The companion is not reachable. Is it still running?');
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const code = data?.code ?? 'COMPANION_ERROR';
    if (auth && (code === 'TOKEN_INVALID' || code === 'TOKEN_REQUIRED')) forgetToken();
    throw new ApiError(response.status, code, data?.detail ?? data?.title ?? `The companion answered ${response.status}.`);
  }
  return data;
}

/** Calls `api` and reports a failure in a message element instead of throwing; returns undefined on failure. */
export async function tryApi(messageEl, path, options) {
  try {
    return await api(path, options);
  } catch (error) {
    if (messageEl) {
      messageEl.textContent = error.message;
      messageEl.dataset.kind = 'error';
      messageEl.hidden = false;
    }
    return undefined;
  }
}
