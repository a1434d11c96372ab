using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using static Refully.Companion.Reports.Core.ReportColumn;

namespace Refully.Companion.Reports.Readers;

/// <summary>
/// The retired Inventory Adjustments report (GET_FBA_FULFILLMENT_INVENTORY_ADJUSTMENTS_DATA, discontinued
/// 2023-01-31; old downloads still matter). Its rows are ledger Adjustments events (same reason codes),
/// so they become <see cref="LedgerEvent"/>s with the transaction item id as Reference ID.
/// </summary>
public sealed class InventoryAdjustmentsReport : ITabularReportReader
{
    public string Report => "InventoryAdjustments";

    public IReadOnlyList<ReportColumn> Columns { get; } =
    [
        Req("date", "adjusted-date"),
        Req("id", "transaction-item-id"),
        Req("fnsku", "fnsku"),
        Req("quantity", "quantity"),
        Req("reason", "reason"),
        Opt("sku", "sku"),
        Opt("fc", "fulfillment-center-id"),
        Opt("disposition", "disposition"),
        Opt("reconciled", "reconciled"),
        Opt("unreconciled", "unreconciled"),
    ];

    public void Read(ReportRow row, IRecordSink sink)
    {
        var timestamp = row.Timestamp("date", required: true);
        sink.Add(new LedgerEvent
        {
            Date = timestamp is { } t ? DateOnly.FromDateTime(t.DateTime) : default,
            DateTime = timestamp,
            ReferenceId = row.Id("id", required: true),
            Fnsku = row.Id("fnsku", required: true) ?? "",
            Quantity = row.Int("quantity", required: true) ?? 0,
            Reason = row.Text("reason", required: true),
            EventType = LedgerEventType.Adjustments,
            Msku = row.Text("sku"),
            FulfillmentCenter = row.Text("fc"),
            Disposition = LedgerVocabulary.Disposition(row.Text("disposition")),
            ReconciledQuantity = row.Int("reconciled"),
            UnreconciledQuantity = row.Int("unreconciled"),
        });
    }
}
