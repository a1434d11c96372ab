using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using static Refully.Companion.Reports.Core.ReportColumn;

namespace Refully.Companion.Reports.Readers;

/// <summary>
/// The seller's own costs file (claims.md §4): `sku` or `fnsku`, `unit-cost`, `currency`. A row needs one
/// of sku/fnsku; the marketplace follows the currency (EUR stays without one: costs apply region-wide).
/// </summary>
public sealed class UnitCostsFile : ITabularReportReader
{
    public string Report => "UnitCosts";

    public IReadOnlyList<ReportColumn> Columns { get; } =
    [
        Req("cost", "unit-cost"),
        Req("currency", "currency"),
        Opt("sku", "sku"),
        Opt("fnsku", "fnsku"),
    ];

    public bool Accepts(HeaderMap headers) =>
        headers.IndexOf(Columns[2]) >= 0 || headers.IndexOf(Columns[3]) >= 0;

    public void Read(ReportRow row, IRecordSink sink)
    {
        var sku = row.Text("sku");
        var fnsku = row.Id("fnsku");
        if (sku is null && fnsku is null)
        {
            row.Problem(row.HasColumn("sku") ? "sku" : "fnsku", null, true, "a cost needs the sku or the fnsku it applies to");
        }
        var currency = row.Text("currency", required: true) ?? "";
        sink.Add(new UnitCost
        {
            Sku = sku,
            Fnsku = fnsku,
            Cost = row.Decimal("cost", required: true) ?? 0,
            Currency = currency.ToUpperInvariant(),
            Marketplace = RegionSplit.FromCurrency(currency),
        });
    }
}
