using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using static Refully.Companion.Reports.Core.ReportColumn;

namespace Refully.Companion.Reports.Readers;

/// <summary>
/// Inventory Ledger, detailed view (GET_LEDGER_DETAIL_VIEW_DATA; Seller Central TSV download or the fully
/// quoted CSV, with or without the newer Store column). Customer Shipments events are read but not kept:
/// no claim needs them and they are most of the file (the core still counts them as rows read). The
/// Reference ID of an Adjustments row is its transaction item id, which claims cite: it is required there.
/// </summary>
public sealed class InventoryLedgerDetailReport : ITabularReportReader
{
    public string Report => "InventoryLedgerDetail";

    public IReadOnlyList<ReportColumn> Columns { get; } =
    [
        Req("date", "Date"),
        Req("fnsku", "FNSKU"),
        Req("event", "Event Type"),
        Req("reference", "Reference ID"),
        Req("quantity", "Quantity"),
        Opt("asin", "ASIN"),
        Opt("msku", "MSKU"),
        Opt("fc", "Fulfillment Center", "Fulfilment Centre"),
        Opt("disposition", "Disposition"),
        Opt("reason", "Reason"),
        Opt("country", "Country"),
        Opt("reconciled", "Reconciled Quantity"),
        Opt("unreconciled", "Unreconciled Quantity"),
        Opt("datetime", "Date and Time"),
        Opt("store", "Store"),
    ];

    public void Read(ReportRow row, IRecordSink sink)
    {
        var type = LedgerVocabulary.EventType(row, "event");
        if (type == LedgerEventType.Shipments)
        {
            return;
        }
        // Columns that repeat a few values over the file's rows are read as shared strings (ReportRow.Shared).
        var country = row.Shared("country");
        var record = new LedgerEvent
        {
            Date = row.Date("date", required: true) ?? default,
            DateTime = row.Timestamp("datetime"),
            Fnsku = row.SharedId("fnsku", required: true) ?? "",
            Asin = row.SharedId("asin"),
            Msku = row.Shared("msku"),
            EventType = type,
            ReferenceId = row.Id("reference", required: type == LedgerEventType.Adjustments),
            Quantity = row.Int("quantity", required: true) ?? 0,
            FulfillmentCenter = row.Shared("fc"),
            Disposition = LedgerVocabulary.Disposition(row.Shared("disposition")),
            Reason = row.Shared("reason"),
            Country = country,
            ReconciledQuantity = row.Int("reconciled"),
            UnreconciledQuantity = row.Int("unreconciled"),
            Store = row.Shared("store"),
            Marketplace = RegionSplit.FromName(country),
        };
        sink.Add(record);
    }
}
