// Options: the companion's port. Saved as chrome.storage.local companionUrl through the service worker,
// which validates it (only http://127.0.0.1:PORT is accepted).
import { send } from "../shared/send.js";

const form = document.getElementById("port-form");
const port = document.getElementById("port");
const message = document.getElementById("message");

function say(text, isError = false) {
  message.textContent = text;
  message.classList.toggle("error", isError);
}

form.addEventListener("submit", async event => {
  event.preventDefault();
  try {
    const settings = await send("setCompanionPort", { port: port.value });
    say(`Saved: Refully talks to ${settings.companionUrl}.`);
  } catch (error) {
    say(error.message, true);
  }
});

send("getSettings").then(settings => { port.value = settings.port; }, error => say(error.message, true));
