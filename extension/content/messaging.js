// Content scripts share one namespace object in the extension's isolated world (classic scripts, loaded
// in the order the manifest lists them; MV3 content scripts cannot be ES modules).
globalThis.Refully ??= {};

// Sends { action, args } to the service worker and unwraps its { ok, result | error } answer.
// Content scripts never call the companion themselves: only the worker holds the token.
Refully.send = async function send(action, args) {
  return Refully.unwrapReply(await chrome.runtime.sendMessage({ action, args }));
};

// { ok: true, result } → result; { ok: false, error } → throws it; nothing → throws NO_ANSWER.
Refully.unwrapReply = function unwrapReply(reply) {
  if (!reply) {
    throw Object.assign(new Error("The Refully service worker did not answer."), { code: "NO_ANSWER" });
  }
  if (!reply.ok) {
    throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  }
  return reply.result;
};
