// The three states the badge, the popup and the in-page panel show.
export const States = Object.freeze({
  paired: "paired",
  offline: "offline",
  needsPairing: "needs-pairing",
});
