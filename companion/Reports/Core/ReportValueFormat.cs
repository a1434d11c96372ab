namespace Refully.Companion.Reports.Core;

/// <summary>
/// How a file writes its values, detected by the core from the first rows (see <see cref="ValueFormatDetector"/>).
/// Each value is still read on its own first (a value with both '.' and ',' says which is the decimal mark);
/// the file's format only settles what a single value cannot (is "1,234" a thousand or 1.234?).
/// </summary>
public sealed record ReportValueFormat
{
    /// <summary>True when numbers use a decimal comma (1.234,56).</summary>
    public bool DecimalComma { get; init; }

    /// <summary>True when slash dates are day first (31/12/2026), false for month first (12/31/2026).</summary>
    public bool DayFirst { get; init; }

    /// <summary>
    /// True when the sample proved the date order (a day above 12 was seen). When false the order is a guess,
    /// and a later value that only fits the other order makes the importer read the file again the other way.
    /// </summary>
    public bool DayFirstCertain { get; init; }

    /// <summary>The offset given to times written without one.</summary>
    public TimeSpan DefaultOffset { get; init; }

    public static ReportValueFormat Default { get; } = new();
}

/// <summary>
/// Thrown while reading when a date only fits the date order the file's sample did not choose (12/31/2026 in
/// a file guessed day-first). The importer discards what it read and reads the file again with <see cref="Corrected"/>.
/// </summary>
public sealed class DateOrderContradictionException(ReportValueFormat corrected, string value)
    : Exception($"The date '{value}' shows this file writes {(corrected.DayFirst ? "day" : "month")} first.")
{
    public ReportValueFormat Corrected { get; } = corrected;
}
