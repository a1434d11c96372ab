// The toolbar badge mirrors the connection state, so the seller sees at a glance whether Refully works.
import { States } from "../shared/states.js";

const BADGES = {
  [States.paired]: { text: "on", color: "#1e8e3e", title: "Refully: paired with the companion" },
  [States.offline]: { text: "off", color: "#80868b", title: "Refully: companion offline" },
  [States.needsPairing]: { text: "!", color: "#f29900", title: "Refully: pair with the companion" },
};

// The state last shown, so an unchanged state (every capture answers "paired") costs no three extension API
// calls. Worker memory only: a restarted worker sets the badge again on its first answer.
let shown = null;

export async function showState(state) {
  const badge = BADGES[state];
  if (!badge || state === shown) {
    return;
  }
  shown = state;
  await Promise.all([
    chrome.action.setBadgeText({ text: badge.text }),
    chrome.action.setBadgeBackgroundColor({ color: badge.color }),
    chrome.action.setTitle({ title: badge.title }),
  ]);
}
