using System.Globalization;
using System.Text.RegularExpressions;

namespace Refully.Companion.Reports.Core;

/// <summary>How a file writes its values, detected by the core from the file as a whole.</summary>
public sealed record ReportValueFormat
{
    /// <summary>True when numbers use a decimal comma (1.234,56).</summary>
    public bool DecimalComma { get; init; }

    /// <summary>True when slash dates are day first (31/12/2026), false for month first (12/31/2026).</summary>
    public bool DayFirst { get; init; }

    /// <summary>The offset given to times written without one.</summary>
    public TimeSpan DefaultOffset { get; init; }

    public static ReportValueFormat Default { get; } = new();
}

/// <summary>Parsing of the value shapes found in Amazon's reports (see docs/reports.md). One tested module for every reader.</summary>
public static partial class ReportValues
{
    public static bool LooksExcelMangled(string value) => ExcelNumber().IsMatch(value);

    public static bool TryParseInt(string value, ReportValueFormat format, out int result)
    {
        result = 0;
        if (!TryParseDecimal(value, format, out var d) || d != decimal.Truncate(d) || d > int.MaxValue || d < int.MinValue)
        {
            return false;
        }
        result = (int)d;
        return true;
    }

    public static bool TryParseDecimal(string value, ReportValueFormat format, out decimal result)
    {
        var culture = format.DecimalComma ? CultureInfo.GetCultureInfo("de-DE") : CultureInfo.InvariantCulture;
        return decimal.TryParse(value, NumberStyles.Number | NumberStyles.AllowCurrencySymbol, culture, out result);
    }

    public static bool TryParseDate(string value, ReportValueFormat format, out DateOnly result)
    {
        result = default;
        if (TryParseTimestamp(value, format, out var ts))
        {
            result = DateOnly.FromDateTime(ts.DateTime);
            return true;
        }
        return false;
    }

    public static bool TryParseTimestamp(string value, ReportValueFormat format, out DateTimeOffset result)
    {
        string[] formats = format.DayFirst
            ? ["dd/MM/yyyy", "dd/MM/yyyy HH:mm:ss", "dd.MM.yyyy", "dd.MM.yyyy HH:mm:ss", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ssK", "yyyy/MM/dd"]
            : ["MM/dd/yyyy", "M/d/yyyy", "MM/dd/yyyy HH:mm:ss", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ssK", "yyyy/MM/dd"];
        return DateTimeOffset.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out result);
    }

    [GeneratedRegex(@"^[0-9](\.[0-9]+)?E\+[0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex ExcelNumber();
}
