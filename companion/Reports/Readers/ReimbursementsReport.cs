using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using static Refully.Companion.Reports.Core.ReportColumn;

namespace Refully.Companion.Reports.Readers;

/// <summary>
/// FBA Reimbursements (GET_FBA_REIMBURSEMENTS_DATA). Region-level: each row's marketplace comes from its
/// currency (EUR rows stay without marketplace, the file has no country column). Localized JP headers are
/// accepted from an alias list (labels.md §2a, unverified).
/// </summary>
public sealed class ReimbursementsReport : ITabularReportReader
{
    public string Report => "Reimbursements";

    public IReadOnlyList<ReportColumn> Columns { get; } =
    [
        Req("approval", "approval-date", "承認日"),
        Req("id", "reimbursement-id", "補てんID", "補填ID"),
        Req("reason", "reason", "理由"),
        Opt("case", "case-id", "ケースID"),
        Opt("order", "amazon-order-id"),
        Opt("sku", "sku", "出品者SKU"),
        Opt("fnsku", "fnsku"),
        Opt("asin", "asin"),
        Opt("condition", "condition"),
        Opt("currency", "currency-unit"),
        Opt("perUnit", "amount-per-unit"),
        Opt("total", "amount-total", "補てん合計額"),
        Opt("cash", "quantity-reimbursed-cash", "現金補てん数量"),
        Opt("inventory", "quantity-reimbursed-inventory"),
        Opt("qtyTotal", "quantity-reimbursed-total"),
        Opt("originalId", "original-reimbursement-id"),
        Opt("originalType", "original-reimbursement-type"),
    ];

    public void Read(ReportRow row, IRecordSink sink)
    {
        sink.Add(new Reimbursement
        {
            ApprovalDate = row.Timestamp("approval", required: true) ?? default,
            ReimbursementId = row.Id("id", required: true) ?? "",
            CaseId = row.Id("case"),
            AmazonOrderId = row.Id("order"),
            Reason = row.Text("reason", required: true),
            Sku = row.Text("sku"),
            Fnsku = row.Id("fnsku"),
            Asin = row.Id("asin"),
            Condition = row.Text("condition"),
            Currency = row.Text("currency"),
            AmountPerUnit = row.Decimal("perUnit"),
            AmountTotal = row.Decimal("total"),
            QuantityReimbursedCash = row.Int("cash"),
            QuantityReimbursedInventory = row.Int("inventory"),
            QuantityReimbursedTotal = row.Int("qtyTotal"),
            OriginalReimbursementId = row.Id("originalId"),
            OriginalReimbursementType = row.Text("originalType"),
            Marketplace = RegionSplit.Marketplace(row, "currency"),
        });
    }
}
