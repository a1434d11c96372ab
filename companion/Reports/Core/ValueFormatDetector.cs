namespace Refully.Companion.Reports.Core;

/// <summary>
/// Detects from sample rows whether numbers use a decimal comma and whether numeric dates are day first.
/// Only values that can be read one way count: "5,05" (comma decimal), "5.05" (dot decimal), "1.234,56";
/// a day above 12 in the first place (31/12) or the second (12/31). With no evidence, dates follow the
/// numbers (a decimal-comma file is European, so day first) and the guess is marked uncertain.
/// </summary>
public static class ValueFormatDetector
{
    public static ReportValueFormat Detect(IEnumerable<IReadOnlyList<string>> rows)
    {
        int comma = 0, dot = 0, dayFirst = 0, monthFirst = 0;
        foreach (var row in rows)
        {
            foreach (var raw in row)
            {
                var value = raw.AsSpan().Trim();
                if (value.Length is 0 or > 40)
                {
                    continue;
                }
                if (ReportDates.NumericDayMonth(value) is { } dm)
                {
                    dayFirst += dm.First > 12 && dm.Second <= 12 ? 1 : 0;
                    monthFirst += dm.Second > 12 && dm.First <= 12 ? 1 : 0;
                    continue;
                }
                switch (DecimalEvidence(value))
                {
                    case ',': comma++; break;
                    case '.': dot++; break;
                }
            }
        }
        var decimalComma = comma > dot;
        var certain = dayFirst > 0 != monthFirst > 0;
        return new ReportValueFormat
        {
            DecimalComma = decimalComma,
            DayFirst = certain ? dayFirst > 0 : decimalComma,
            DayFirstCertain = certain,
        };
    }

    /// <summary>',' or '.' when the value is a number whose decimal mark is unambiguous, else '\0'.</summary>
    internal static char DecimalEvidence(ReadOnlySpan<char> value)
    {
        var s = value.TrimStart('-');
        var lastDot = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        if (s.Length == 0 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1]))
        {
            return '\0';
        }
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c) && c is not ('.' or ',' or ' ' or '\u00A0' or '\u202F'))
            {
                return '\0';
            }
        }
        if (lastDot >= 0 && lastComma >= 0)
        {
            return lastDot > lastComma ? '.' : ',';
        }
        var mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '\0';
        if (mark == '\0' || s.Count(mark) > 1)
        {
            return '\0';
        }
        var after = s.Length - s.LastIndexOf(mark) - 1;
        return after == 3 && s[0] != '0' ? '\0' : mark;
    }
}
