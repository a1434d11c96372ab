// The toolbar badge mirrors the connection state, so the seller sees at a glance whether Refully works.
import { States } from "../shared/states.js";

const BADGES = {
  [States.paired]: { text: "on", color: "#1e8e3e", title: "Refully: paired with the companion" },
  [States.offline]: { text: "off", color: "#80868b", title: "Refully: companion offline" },
  [States.needsPairing]: { text: "!", color: "#f29900", title: "Refully: pair with the companion" },
};

export async function showState(state) {
  const badge = BADGES[state];
  if (!badge) {
    return;
  }
  await Promise.all([
    chrome.action.setBadgeText({ text: badge.text }),
    chrome.action.setBadgeBackgroundColor({ color: badge.color }),
    chrome.action.setTitle({ title: badge.title }),
  ]);
}
