using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using static Refully.Companion.Reports.Core.ReportColumn;

namespace Refully.Companion.Reports.Readers;

/// <summary>
/// The seller's own costs file (claims.md §4): `sku` or `fnsku`, `unit-cost`, `currency`, and optionally the
/// seller's package measurements (`length`, `width`, `height`, `dimension-unit`, `weight`, `weight-unit`) that
/// the fee-overcharge review compares Amazon's against. A row needs one
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
        Opt("length", "length"),
        Opt("width", "width"),
        Opt("height", "height"),
        Opt("dimensionUnit", "dimension-unit", "unit-of-dimension"),
        Opt("weight", "weight"),
        Opt("weightUnit", "weight-unit", "unit-of-weight"),
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
            Length = row.Amount("length"),
            Width = row.Amount("width"),
            Height = row.Amount("height"),
            DimensionUnit = row.Text("dimensionUnit"),
            Weight = row.Amount("weight"),
            WeightUnit = row.Text("weightUnit"),
        });
    }
}
