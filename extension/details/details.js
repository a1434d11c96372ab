// The details page of one finding (details.html?id=<finding id>[&intent=claim]): explanation, facts,
// evidence and history, fetched through the service worker (GET /api/findings/{id}). Read-only.
import { send } from "../shared/send.js";

const $ = id => document.getElementById(id);
const params = new URLSearchParams(location.search);
const id = params.get("id") ?? "";

function cell(text) {
  const td = document.createElement("td");
  td.textContent = text ?? "";
  return td;
}

function row(...texts) {
  const tr = document.createElement("tr");
  tr.append(...texts.map(cell));
  return tr;
}

function money(amount, currency) {
  if (amount === null || amount === undefined) {
    return "unknown";
  }
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(amount);
  } catch {
    return `${amount} ${currency ?? ""}`.trim();
  }
}

function fact(dl, label, value) {
  if (value === null || value === undefined || value === "") {
    return;
  }
  const dt = document.createElement("dt");
  dt.textContent = label;
  const dd = document.createElement("dd");
  dd.textContent = String(value);
  dd.dataset.fact = label;
  dl.append(dt, dd);
}

function render(detail) {
  const f = detail.finding;
  document.title = `Refully: ${f.type} ${f.id}`;
  $("title").textContent = `${f.type} · ${f.marketplace}`;
  $("status").textContent = f.status;
  $("status").dataset.status = f.status;
  $("explanation").textContent = f.explanation;
  const facts = $("facts");
  facts.replaceChildren();
  fact(facts, "Finding", f.id);
  fact(facts, "Units", f.units);
  fact(facts, "Amount", money(f.amount, f.currency));
  fact(facts, "Claim from", f.eligibleFrom);
  fact(facts, "Deadline", f.deadline);
  fact(facts, "Confidence", f.confidence);
  for (const [label, key] of [["Reference ID", "referenceId"], ["Order ID", "orderId"], ["Shipment ID", "shipmentId"],
    ["Removal order ID", "removalOrderId"], ["FNSKU", "fnsku"], ["SKU", "sku"], ["ASIN", "asin"]]) {
    fact(facts, label, f[key]);
  }
  fact(facts, "Case ID", detail.caseId);
  fact(facts, "Recovered", detail.amountRecovered === null ? null : money(detail.amountRecovered, f.currency));
  fact(facts, "Dismissed because", detail.dismissReason);
  $("evidence").tBodies[0].replaceChildren(...f.evidence.map(e => row(e.source, e.date, e.referenceId, String(e.quantity), e.note)));
  $("history").tBodies[0].replaceChildren(...detail.history.map(h => row(new Date(h.at).toLocaleString(), h.status, h.source, h.note)));
  $("content").hidden = false;
}

$("claim-note").hidden = params.get("intent") !== "claim";
send("getFinding", { id }).then(render, error => {
  $("message").textContent = error.message;
  $("message").classList.add("error");
});
