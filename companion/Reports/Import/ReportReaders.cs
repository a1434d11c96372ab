using Refully.Companion.Reports.Core;

namespace Refully.Companion.Reports.Import;

/// <summary>The readers an importer tries, in order: by default <see cref="ReportRegistry"/>; tests pass their own.</summary>
public sealed record ReportReaders(IReadOnlyList<ITabularReportReader> Tabular, IReadOnlyList<IJsonReportReader> Json)
{
    public static ReportReaders Registry { get; } = new(ReportRegistry.Tabular, ReportRegistry.Json);
}
