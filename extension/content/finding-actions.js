// The actions a finding offers, in a badge's card and in the panel: Details, Claim and Dismiss (with a
// reason typed inline; never window.prompt). Only clicks the seller made count (event.isTrusted), so a
// script of the page cannot dismiss or open anything through Refully's open shadow roots.
globalThis.Refully ??= {};

Refully.findingActions = (() => {
  const { element } = Refully.dom;

  const STYLE = `
    .actions { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 6px; }
    .actions button, .dismiss button { font: inherit; cursor: pointer; padding: 1px 8px; border: 1px solid #c9cccf;
      border-radius: 4px; background: #f8f9fa; color: #1f1f1f; }
    .actions button:hover, .dismiss button:hover { background: #e8eaed; }
    .dismiss { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 6px; }
    .dismiss[hidden] { display: none; }
    .dismiss input { font: inherit; flex: 1 1 140px; min-width: 0; padding: 1px 4px; border: 1px solid #c9cccf; border-radius: 4px; }
    .dismiss button[type=submit] { background: #b3261e; border-color: #b3261e; color: #fff; }
    .dismiss button[disabled] { opacity: .5; cursor: default; }
    .message { margin: 4px 0 0; color: #b3261e; }
    .message:empty { display: none; }
  `;

  // The buttons and the message line, built once and cloned for every finding (the panel lists every
  // finding of the page, a badge's card builds them when opened); one click listener per finding.
  let template = null;
  const button = (action, label) => element("button", { type: "button", "data-action": action }, label);
  const cloneActions = () => (template ??= element("div", { "data-part": "actions" },
    element("div", { className: "actions" }, button("details", "Details"), button("claim", "Claim"), button("dismiss", "Dismiss…")),
    element("p", { className: "message", "data-part": "message", role: "status" }))).cloneNode(true);

  // onDismissed(finding) runs after the companion recorded the dismissal. The block can later show another
  // finding's actions (refullyShow: the panel keeps its entries from one list to the next).
  function build(finding, { onDismissed }) {
    const actions = cloneActions();
    const message = actions.lastElementChild;
    let current = finding;
    let shown = 0; // which finding the block shows (counts refullyShow): an answer for an earlier one is not shown
    let saying = false;
    const say = (text, forShown) => {
      if (forShown === shown && (text !== "" || saying)) {
        message.textContent = text;
        saying = text !== "";
      }
    };
    const ask = async (action, args) => {
      const forShown = shown;
      say("", forShown);
      try {
        return await Refully.send(action, args);
      } catch (error) {
        say(error.message, forShown);
        return null;
      }
    };

    let form = null; // built on the first Dismiss… (most findings are never dismissed)
    const run = {
      details: () => ask("openFindingDetails", { id: current.id }),
      claim: async () => {
        const forShown = shown;
        const opened = await ask("claimFinding", { id: current.id });
        if (opened) {
          say(opened.warning || "Opened the case form in a new tab: check what Refully filled, then submit it yourself.", forShown);
        }
      },
      dismiss: () => {
        form ??= dismissForm(current, ask, onDismissed);
        if (!form.isConnected) {
          message.before(form);
        }
        form.hidden = false;
        form.querySelector("input").focus();
      },
    };
    actions.addEventListener("click", event => {
      const action = event.target.closest("[data-action]")?.dataset.action;
      if (event.isTrusted && Object.hasOwn(run, action)) {
        run[action]();
      }
    });
    // Another finding's actions from now on: as a block built for it would be (no message, no reason form).
    actions.refullyShow = next => {
      shown++;
      current = next;
      if (saying) {
        message.textContent = "";
        saying = false;
      }
      form?.remove();
      form = null;
    };
    return actions;
  }

  // The inline "why?" form: the reason is required, and only the seller's own submit counts.
  function dismissForm(finding, ask, onDismissed) {
    const reason = element("input", {
      type: "text", maxlength: "500", placeholder: "Why is it not owed?", "aria-label": "Reason for dismissing", "data-part": "dismiss-reason",
    });
    const confirm = element("button", { type: "submit", "data-action": "confirm-dismiss", disabled: true }, "Dismiss");
    const cancel = element("button", { type: "button", "data-action": "cancel-dismiss" }, "Cancel");
    const form = element("form", { className: "dismiss", "data-part": "dismiss-form" }, reason, confirm, cancel);
    cancel.addEventListener("click", () => {
      form.hidden = true;
      reason.value = "";
      confirm.disabled = true;
    });
    reason.addEventListener("input", () => { confirm.disabled = reason.value.trim() === ""; });
    form.addEventListener("submit", async event => {
      event.preventDefault();
      const why = reason.value.trim();
      if (!event.isTrusted || why === "") {
        return;
      }
      confirm.disabled = true;
      const answer = await ask("dismissFinding", { id: finding.id, reason: why });
      if (answer) {
        onDismissed(finding);
      } else {
        confirm.disabled = false;
      }
    });
    return form;
  }

  return { build, STYLE };
})();
