using Refully.Companion.Reports.Core;
using Refully.Companion.Reports.Readers;

namespace Refully.Companion.Reports;

/// <summary>
/// Every report Refully reads, in the order they are tried: most specific first (the ledger detail before
/// its summary, settlement V2 before the legacy flat file, the fee preview before Manage FBA Inventory).
/// No reflection: a new reader is added here. See docs/report-formats.md.
/// </summary>
public static class ReportRegistry
{
    public static IReadOnlyList<ITabularReportReader> Tabular { get; } =
    [
        new InventoryLedgerDetailReport(),
        new InventoryLedgerSummaryReport(),
        new InventoryAdjustmentsReport(),
        new ReimbursementsReport(),
        new CustomerReturnsReport(),
        new ReplacementsReport(),
        new AmazonFulfilledShipmentsReport(),
        new AllOrdersReport(),
        new RemovalOrderDetailReport(),
        new RemovalShipmentDetailReport(),
        new FeePreviewReport(),
        new ManageFbaInventoryReport(),
        new SettlementV2Report(),
        new SettlementLegacyReport(),
        new DateRangeTransactionsReport(),
        new UnitCostsFile(),
    ];

    public static IReadOnlyList<IJsonReportReader> Json { get; } =
    [
        new InboundShipmentsJson(),
        new InboundShipmentItemsJson(),
    ];

    /// <summary>True when every required column of <paramref name="reader"/> is in the header and the reader accepts it.</summary>
    public static bool Matches(ITabularReportReader reader, HeaderMap headers) =>
        reader.Columns.Where(c => c.Required).All(c => headers.IndexOf(c) >= 0) && reader.Accepts(headers);

    /// <summary>The first reader, in registry order, that matches the header; null when none does.</summary>
    public static ITabularReportReader? Recognise(HeaderMap headers) => Tabular.FirstOrDefault(r => Matches(r, headers));
}
