// The popup: shows the state, runs the pairing flow (Pair → code → Confirm), unpairs.
// It keeps nothing itself: every step asks the service worker, which holds the state in chrome.storage.
import { send } from "../shared/send.js";

const $ = id => document.getElementById(id);
const LABELS = { "paired": "Paired", "offline": "Offline", "needs-pairing": "Not paired" };

function say(text, isError = false) {
  $("message").textContent = text;
  $("message").classList.toggle("error", isError);
}

function render(view) {
  $("state").dataset.state = view.state;
  $("state").textContent = LABELS[view.state] ?? view.state;
  $("paired").hidden = view.state !== "paired";
  $("offline").hidden = view.state !== "offline";
  const pairing = view.state === "needs-pairing" && Boolean(view.pendingPairing);
  $("needs-pairing").hidden = view.state !== "needs-pairing" || pairing;
  $("code-form").hidden = !pairing;
  $("companion-link").href = `${view.companionUrl}/`;
  $("companion-link").textContent = view.companionUrl;
  $("offline-url").textContent = view.companionUrl;
  $("pages-seen").textContent = view.status ? `Pages read so far: ${view.status.pagesSeen}` : "";
  if (pairing) {
    $("code").focus();
  }
}

async function run(action, args) {
  say("");
  try {
    render(await send(action, args));
  } catch (error) {
    say(error.message, true);
  }
}

$("pair").addEventListener("click", async () => {
  say("");
  try {
    const started = await send("startPairing");
    render(await send("getState"));
    say(started.message);
  } catch (error) {
    say(error.message, true);
  }
});

$("code-form").addEventListener("submit", async event => {
  event.preventDefault();
  await run("confirmPairing", { code: $("code").value });
  $("code").value = "";
});

$("cancel").addEventListener("click", () => run("cancelPairing"));
$("unpair").addEventListener("click", () => run("unpair"));
$("retry").addEventListener("click", () => run("getState"));
$("options-link").addEventListener("click", event => {
  event.preventDefault();
  chrome.runtime.openOptionsPage();
});

run("getState");
