// How values are shown: money per currency, dates, claim types and statuses in words.

const TYPE_LABELS = {
  LostWarehouse: 'Lost in warehouse',
  DamagedWarehouse: 'Damaged in warehouse',
  InboundShortage: 'Inbound shortage',
  RefundNotReturned: 'Refunded, not returned',
  ReturnDamagedNotReimbursed: 'Return damaged, not reimbursed',
  RemovalShortage: 'Removal shortage',
  ReimbursedBelowCost: 'Reimbursed below cost',
  DisposedWithoutRequest: 'Disposed without request',
  FeeOvercharge: 'Fee overcharge',
  ReturnNotRestocked: 'Return not restocked',
  WrongItemReturned: 'Wrong item returned',
  RefundExceedsCharge: 'Refund exceeds charge',
  InboundCarrierDamaged: 'Inbound carrier damaged',
};

/** Statuses in lifecycle order (the API's FindingStatus names). */
export const STATUSES = ['Waiting', 'Claimable', 'NeedsReview', 'Expired', 'Filed', 'Reimbursed', 'Denied', 'Dismissed'];

const STATUS_LABELS = { NeedsReview: 'Needs review' };

export const CLAIM_TYPES = Object.keys(TYPE_LABELS);

export function typeLabel(type) {
  return TYPE_LABELS[type] ?? type ?? '';
}

export function statusLabel(status) {
  return STATUS_LABELS[status] ?? status ?? '';
}

/** "USD 27.50" style: unambiguous in every locale, with the currency's own minor unit. */
export function money(amount, currency) {
  if (amount === null || amount === undefined) return 'value unknown';
  if (!currency) return String(amount);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, currencyDisplay: 'code' }).format(amount).replace(/\s/g, ' ');
  } catch {
    return `${currency} ${amount}`;
  }
}

/** Sums per currency, as "USD 27.50 · CAD 15.00" (no amount → "—"). */
export function moneyByCurrency(totals) {
  const parts = Object.entries(totals).sort(([a], [b]) => a.localeCompare(b)).map(([c, a]) => money(a, c));
  return parts.length ? parts.join(' · ') : '—';
}

export function date(value) {
  return value ?? '';
}

export function dateTime(value) {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleString();
}

/** Today as YYYY-MM-DD in the seller's local time zone. */
export function today() {
  const d = new Date();
  return isoDate(d);
}

export function addDays(iso, days) {
  const d = new Date(`${iso}T12:00:00`);
  d.setDate(d.getDate() + days);
  return isoDate(d);
}

function isoDate(d) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
