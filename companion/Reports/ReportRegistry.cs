using Refully.Companion.Reports.Core;
using Refully.Companion.Reports.Readers;

namespace Refully.Companion.Reports;

/// <summary>
/// Every report Refully reads, in the order they are tried: most specific first (the ledger detail before
/// its summary, settlement V2 before the legacy flat file). No reflection: a new reader is added here.
/// </summary>
public static class ReportRegistry
{
    public static IReadOnlyList<ITabularReportReader> Tabular { get; } =
    [
        new InventoryLedgerDetailReport(),
        new ReimbursementsReport(),
    ];

    public static IReadOnlyList<IJsonReportReader> Json { get; } = [];

    /// <summary>True when every required column of <paramref name="reader"/> is in the header and the reader accepts it.</summary>
    public static bool Matches(ITabularReportReader reader, HeaderMap headers) =>
        reader.Columns.Where(c => c.Required).All(c => headers.IndexOf(c) >= 0) && reader.Accepts(headers);

    /// <summary>The first reader, in registry order, that matches the header; null when none does.</summary>
    public static ITabularReportReader? Recognise(HeaderMap headers) => Tabular.FirstOrDefault(r => Matches(r, headers));
}
