// The claim flow on a Seller Central tab. When the URL hash says `refully-claim=<draft id>` (a Claim from a
// badge or the panel, or a draft link in the dashboard) or the worker holds a pending claim for this tab (the
// form came after a "Continue" that dropped the hash), it gets the draft from the worker, fills every field it
// can find (polling while the form and its iframes load, up to FILL_FOR_MS; the list of what is missing is final
// once SETTLE_MS pass without a new field), and shows the Refully card. It
// then watches for the case id Seller Central shows after the seller submitted (case-id.js) and reports it
// (reportCaseId), which makes the claim Filed. It never clicks a button and never submits a form.
globalThis.Refully ??= {};

(() => {
  const HASH = /(?:^#|&)refully-claim=([A-Za-z0-9_-]{1,64})(?:&|$)/;
  const POLL_MS = 250;
  const FILL_FOR_MS = 15000; // keep looking for fields of a slow form this long
  const SETTLE_MS = 3000; // …but call the result final after this long without a new field
  const WATCH_CASE_MS = 30 * 60 * 1000;
  const isOwnNode = Refully.ownNodes.isOwnNode;

  async function start() {
    const hashId = HASH.exec(location.hash)?.[1] ?? null;
    let answer;
    try {
      answer = await Refully.send("getClaimForm", hashId ? { draftId: hashId } : {});
    } catch (error) {
      if (hashId) Refully.claimCard.showError(`Refully could not load the claim: ${error.message}`);
      return;
    }
    if (!answer?.draft) {
      return;
    }
    const { draft } = answer;
    const started = Date.now();
    let lastProgress = started;
    const filled = [];
    let shown = false;

    const missing = () => draft.fields.filter(f => !filled.some(x => x.field.name === f.name));
    const fillPass = () => {
      const { matches } = Refully.claimFields.match(missing(), isOwnNode);
      for (const { field, control } of matches) {
        if (Refully.claimFill.fill(control, field.value)) {
          filled.push({ field, control });
          lastProgress = Date.now();
        }
      }
    };

    const tick = async () => {
      const caseId = Refully.caseId.find(isOwnNode);
      if (caseId) {
        await report(caseId);
        return;
      }
      const filling = missing().length > 0 && Date.now() - started < FILL_FOR_MS;
      if (filling) fillPass();
      const done = missing().length === 0 || Date.now() - lastProgress >= SETTLE_MS;
      // A pending claim on a page without any of its fields (the seller browses on) stays quiet.
      if (hashId || filled.length > 0 || shown) {
        shown = true;
        Refully.claimCard.show(draft, { filled, missing: missing(), done });
      }
      if (Date.now() - started < WATCH_CASE_MS) {
        setTimeout(tick, done ? 1000 : POLL_MS);
      }
    };
    tick();
  }

  async function report(caseId) {
    try {
      const answer = await Refully.send("reportCaseId", { caseId });
      if (answer.recorded) {
        Refully.claimCard.showFiled(`Filed as case ${answer.caseId}.${answer.warning ? ` ${answer.warning}` : ""}`);
      }
    } catch (error) {
      Refully.claimCard.showError(error.message);
    }
  }

  start();
})();
