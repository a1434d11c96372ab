// How findings read on the page: money, dates, statuses and the panel's totals line. Pure functions.
globalThis.Refully ??= {};

Refully.format = (() => {
  const STATUS = {
    Claimable: { label: "Claimable", color: "#1e8e3e" },
    NeedsReview: { label: "Needs review", color: "#e37400" },
    Waiting: { label: "Waiting", color: "#1a73e8" },
    Expired: { label: "Expired", color: "#80868b" },
    Filed: { label: "Filed", color: "#8430ce" },
    Reimbursed: { label: "Reimbursed", color: "#137333" },
    Denied: { label: "Denied", color: "#b3261e" },
  };
  const DAY_MS = 86_400_000;

  const status = name => STATUS[name] ?? { label: String(name), color: "#5f6368" };
  const moneyFormats = new Map();
  const dateFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

  function money(amount, currency) {
    if (amount === null || amount === undefined) {
      return "value unknown";
    }
    try {
      let formatter = moneyFormats.get(currency);
      if (!formatter) {
        formatter = new Intl.NumberFormat(undefined, { style: "currency", currency });
        moneyFormats.set(currency, formatter);
      }
      return formatter.format(amount);
    } catch {
      return `${Number(amount).toFixed(2)} ${currency ?? ""}`.trim(); // no or unknown currency code
    }
  }

  // Dates arrive as "yyyy-mm-dd" (calendar dates, no time zone): format them in UTC so they never shift.
  // A page shows the same few deadlines on many badges: each is formatted once.
  const dates = new Map();
  function date(isoDate) {
    let text = dates.get(isoDate);
    if (text === undefined) {
      const parsed = new Date(`${isoDate}T00:00:00Z`);
      text = Number.isNaN(parsed.getTime()) ? String(isoDate ?? "") : dateFormat.format(parsed);
      if (dates.size > 1000) {
        dates.clear();
      }
      dates.set(isoDate, text);
    }
    return text;
  }

  const units = n => `${n} ${n === 1 ? "unit" : "units"}`;

  function deadline(finding) {
    return finding.status === "Expired" ? `expired ${date(finding.deadline)}` : `by ${date(finding.deadline)}`;
  }

  // "$312.40 claimable on this page, 2 expire this week"
  function totals(summary) {
    const amounts = (summary.claimable ?? []).filter(c => c.amount > 0).map(c => money(c.amount, c.currency));
    let text;
    if (summary.claimableCount === 0) {
      text = "Nothing claimable on this page";
    } else if (amounts.length === 0) {
      text = `${summary.claimableCount} claimable on this page (value unknown)`;
    } else {
      text = `${amounts.join(" + ")} claimable on this page`;
      if (summary.unknownValueCount > 0) {
        text += ` (+${summary.unknownValueCount} of unknown value)`;
      }
    }
    if (summary.expiringThisWeek > 0) {
      text += `, ${summary.expiringThisWeek} ${summary.expiringThisWeek === 1 ? "expires" : "expire"} this week`;
    }
    return text;
  }

  // The summary after one finding left the page (dismissed), by the companion's rules (docs/protocol.md):
  // claimable = status Claimable; expiring this week = Claimable with a deadline at most 7 days away.
  function summaryWithout(summary, finding, today = new Date()) {
    const next = { ...summary, claimable: (summary.claimable ?? []).map(c => ({ ...c })) };
    if (finding.status === "Claimable") {
      next.claimableCount = Math.max(0, next.claimableCount - 1);
      if (finding.amount === null || finding.amount === undefined) {
        next.unknownValueCount = Math.max(0, next.unknownValueCount - 1);
      } else {
        const total = next.claimable.find(c => c.currency === finding.currency);
        if (total) {
          total.amount = Math.round((total.amount - finding.amount) * 100) / 100;
        }
        next.claimable = next.claimable.filter(c => c.amount > 0);
      }
    }
    const daysLeft = (new Date(`${finding.deadline}T00:00:00Z`) - Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) / DAY_MS;
    if (finding.status === "Claimable" && daysLeft <= 7) {
      next.expiringThisWeek = Math.max(0, next.expiringThisWeek - 1);
    }
    return next;
  }

  const TYPE_LABELS = {
    LostWarehouse: "Lost in warehouse", DamagedWarehouse: "Damaged in warehouse", InboundShortage: "Inbound shortage",
    RefundNotReturned: "Refunded, not returned", ReturnDamagedNotReimbursed: "Return damaged", RemovalShortage: "Removal shortage",
    ReimbursedBelowCost: "Reimbursed below cost", DisposedWithoutRequest: "Disposed without request", FeeOvercharge: "Fee overcharge",
    ReturnNotRestocked: "Return not restocked", WrongItemReturned: "Wrong item returned", RefundExceedsCharge: "Refund exceeds charge",
    InboundCarrierDamaged: "Damaged by carrier",
  };
  const type = name => TYPE_LABELS[name] ?? String(name);

  const emptySummary = () => ({ claimableCount: 0, claimable: [], unknownValueCount: 0, expiringThisWeek: 0 });

  return { date, deadline, emptySummary, money, status, summaryWithout, totals, type, units };
})();
