// For extension pages (popup, options): send { action, args } to the service worker and unwrap the answer.
export async function send(action, args = {}) {
  const reply = await chrome.runtime.sendMessage({ action, args });
  if (!reply) {
    throw Object.assign(new Error("The Refully service worker did not answer."), { code: "NO_ANSWER" });
  }
  if (!reply.ok) {
    throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  }
  return reply.result;
}
