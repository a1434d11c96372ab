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
        var country = row.Text("country");
        var record = new LedgerEvent
        {
            Date = row.Date("date", required: true) ?? default,
            DateTime = row.Timestamp("datetime"),
            Fnsku = row.Id("fnsku", required: true) ?? "",
            Asin = row.Id("asin"),
            Msku = row.Text("msku"),
            EventType = type,
            ReferenceId = row.Id("reference", required: type == LedgerEventType.Adjustments),
            Quantity = row.Int("quantity", required: true) ?? 0,
            FulfillmentCenter = row.Text("fc"),
            Disposition = LedgerVocabulary.Disposition(row.Text("disposition")),
            Reason = row.Text("reason"),
            Country = country,
            ReconciledQuantity = row.Int("reconciled"),
            UnreconciledQuantity = row.Int("unreconciled"),
            Store = row.Text("store"),
            Marketplace = RegionSplit.FromName(country),
        };
        sink.Add(record);
    }
}
