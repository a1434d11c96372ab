using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using static Refully.Companion.Reports.Core.ReportColumn;

namespace Refully.Companion.Reports.Readers;

/// <summary>Inventory Ledger, summary view (GET_LEDGER_SUMMARY_VIEW_DATA): balances and event totals per period.</summary>
public sealed class InventoryLedgerSummaryReport : ITabularReportReader
{
    public string Report => "InventoryLedgerSummary";

    public IReadOnlyList<ReportColumn> Columns { get; } =
    [
        Req("date", "Date"),
        Req("fnsku", "FNSKU"),
        Req("starting", "Starting Warehouse Balance"),
        Req("ending", "Ending Warehouse Balance"),
        Opt("asin", "ASIN"),
        Opt("msku", "MSKU"),
        Opt("disposition", "Disposition"),
        Opt("transit", "In Transit Between Warehouses"),
        Opt("receipts", "Receipts"),
        Opt("shipments", "Customer Shipments"),
        Opt("returns", "Customer Returns"),
        Opt("vendor", "Vendor Returns"),
        Opt("transfers", "Warehouse Transfer In/Out"),
        Opt("found", "Found"),
        Opt("lost", "Lost"),
        Opt("damaged", "Damaged"),
        Opt("disposed", "Disposed"),
        Opt("other", "Other Events"),
        Opt("unknown", "Unknown Events"),
        Opt("location", "Location"),
        Opt("store", "Store"),
    ];

    public void Read(ReportRow row, IRecordSink sink)
    {
        var period = row.Text("date", required: true) ?? "";
        var location = row.Text("location");
        sink.Add(new LedgerSummary
        {
            Period = period,
            Date = period.Length >= 8 && ReportValues.TryParseDate(period, row.Format, out var date) ? date : null,
            Fnsku = row.Id("fnsku", required: true) ?? "",
            Asin = row.Id("asin"),
            Msku = row.Text("msku"),
            Disposition = LedgerVocabulary.Disposition(row.Text("disposition")),
            StartingWarehouseBalance = row.Int("starting"),
            InTransitBetweenWarehouses = row.Int("transit"),
            Receipts = row.Int("receipts"),
            CustomerShipments = row.Int("shipments"),
            CustomerReturns = row.Int("returns"),
            VendorReturns = row.Int("vendor"),
            WarehouseTransferInOut = row.Int("transfers"),
            Found = row.Int("found"),
            Lost = row.Int("lost"),
            Damaged = row.Int("damaged"),
            Disposed = row.Int("disposed"),
            OtherEvents = row.Int("other"),
            EndingWarehouseBalance = row.Int("ending"),
            UnknownEvents = row.Int("unknown"),
            Location = location,
            Store = row.Text("store"),
            Marketplace = location is { Length: 2 } ? RegionSplit.FromName(location) : null,
        });
    }
}
