using System.Globalization;

namespace Refully.Companion.Reports.Core;

/// <summary>
/// Parsing of the value shapes found in Amazon's reports (see docs/reports.md). One tested module for every reader:
/// numbers with either decimal mark, thousands separators and currency signs; dates and times in every shape
/// of domain.md §5 (<see cref="ReportDates"/>); and identifiers a spreadsheet turned into numbers.
/// </summary>
public static class ReportValues
{
    /// <summary>Cells that mean "no value" in Amazon files (fee preview writes "--").</summary>
    public static bool IsPlaceholder(string value) => value is "--" or "-" or "N/A" or "n/a" or "NA" or "null" or "NULL";

    /// <summary>
    /// True for an identifier a spreadsheet program rewrote in scientific notation (5.80293E+13): its digits are
    /// gone and storing it would create a wrong key. Real Amazon identifiers never look like this.
    /// </summary>
    public static bool LooksExcelMangled(string value)
    {
        var s = value.AsSpan().Trim();
        var e = s.IndexOfAny('E', 'e');
        if (e <= 0 || e == s.Length - 1)
        {
            return false;
        }
        var mantissa = s[..e];
        var exponent = s[(e + 1)..];
        if (exponent[0] is '+' or '-')
        {
            exponent = exponent[1..];
        }
        if (mantissa.Length > 0 && mantissa[0] == '-')
        {
            mantissa = mantissa[1..];
        }
        if (exponent.Length == 0 || mantissa.Length == 0 || !AllDigits(exponent))
        {
            return false;
        }
        var mark = mantissa.IndexOfAny('.', ',');
        return mark < 0 ? AllDigits(mantissa) : mark > 0 && AllDigits(mantissa[..mark]) && AllDigits(mantissa[(mark + 1)..]) && mark < mantissa.Length - 1;
    }

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

    /// <summary>
    /// A number as Amazon and spreadsheets write it: "1234.5", "1.234,56", "1,234.56", "1 135,72", "R$ 300,00",
    /// "-5,05", "(12.00)", "€12,50", "12.50 EUR". With one mark and three digits after it ("1,234"), the file's
    /// format decides; otherwise the value decides, so files mixing "5,05" and "5.05" read right.
    /// </summary>
    public static bool TryParseDecimal(string value, ReportValueFormat format, out decimal result)
    {
        result = 0;
        var s = value.AsSpan().Trim();
        if (s.Length == 0)
        {
            return false;
        }
        if (TryParsePlain(s, out result))
        {
            return true;
        }
        Span<char> buffer = s.Length <= 128 ? stackalloc char[s.Length] : new char[s.Length];
        var n = 0;
        var negative = false;
        var digits = 0;
        foreach (var c in s)
        {
            if (c is >= '0' and <= '9')
            {
                buffer[n++] = c;
                digits++;
            }
            else if (c is '.' or ',')
            {
                buffer[n++] = c;
            }
            else if (c is '-' or '\u2212' or '(' or ')')
            {
                negative = true;
            }
            else if (c is '+' or ' ' or '\u00A0' or '\u202F' or '\'' || char.IsLetter(c) || char.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol)
            {
                // signs of currency (€, R$, USD) and group spaces carry no digits
            }
            else
            {
                return false;
            }
        }
        if (digits == 0 || HasLettersBetweenDigits(s))
        {
            return false;
        }
        var text = buffer[..n];
        var decimalMark = DecimalMark(text, format);
        if (decimalMark == '?')
        {
            return false;
        }
        var group = decimalMark == '.' ? ',' : '.';
        if (!GroupsAreValid(text, group, decimalMark))
        {
            return false;
        }
        Span<char> plain = stackalloc char[n + 1];
        var m = 0;
        if (negative)
        {
            plain[m++] = '-';
        }
        foreach (var c in text)
        {
            if (c == group)
            {
                continue;
            }
            plain[m++] = c == decimalMark ? '.' : c;
        }
        return decimal.TryParse(plain[..m], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out result);
    }

    public static bool TryParseDate(string value, ReportValueFormat format, out DateOnly result) =>
        ReportDates.TryParseDate(value, format, out result);

    public static bool TryParseTimestamp(string value, ReportValueFormat format, out DateTimeOffset result) =>
        ReportDates.TryParseTimestamp(value, format, out result);

    /// <summary>'.' or ',' as the decimal mark of a cleaned number, ' ' when it has none, '?' when it cannot be a number.</summary>
    private static char DecimalMark(ReadOnlySpan<char> text, ReportValueFormat format)
    {
        var lastDot = text.LastIndexOf('.');
        var lastComma = text.LastIndexOf(',');
        if (lastDot < 0 && lastComma < 0)
        {
            return ' ';
        }
        if (lastDot >= 0 && lastComma >= 0)
        {
            return lastDot > lastComma ? '.' : ',';
        }
        var mark = lastDot >= 0 ? '.' : ',';
        var count = text.Count(mark);
        var after = text.Length - text.LastIndexOf(mark) - 1;
        if (count > 1)
        {
            // 1.234.567 or 1,234,567: only grouping
            return mark == '.' ? ',' : '.';
        }
        if (after == 3 && text.IndexOf(mark) > 0 && text[0] != '0')
        {
            // "1,234" / "1.234": the file decides
            var fileMark = format.DecimalComma ? ',' : '.';
            return mark == fileMark ? mark : (mark == '.' ? ',' : '.');
        }
        return mark;
    }

    private static bool GroupsAreValid(ReadOnlySpan<char> text, char group, char decimalMark)
    {
        var end = decimalMark is '.' or ',' && text.IndexOf(decimalMark) >= 0 ? text.LastIndexOf(decimalMark) : text.Length;
        if (decimalMark is '.' or ',' && text[..end].Contains(decimalMark))
        {
            return false;
        }
        var integer = text[..end];
        if (!integer.Contains(group))
        {
            return true;
        }
        var parts = integer.ToString().Split(group);
        return parts[0].Length is >= 1 and <= 3 && parts.Skip(1).All(p => p.Length == 3);
    }

    private static bool HasLettersBetweenDigits(ReadOnlySpan<char> s)
    {
        var first = s.IndexOfAnyInRange('0', '9');
        var last = s.LastIndexOfAnyInRange('0', '9');
        for (var i = first; i <= last; i++)
        {
            if (char.IsLetter(s[i]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Fast path for the common "-123" / "45.67".</summary>
    private static bool TryParsePlain(ReadOnlySpan<char> s, out decimal result)
    {
        result = 0;
        var i = s[0] == '-' ? 1 : 0;
        if (i == s.Length || s.Length > 19)
        {
            return false;
        }
        long whole = 0;
        var dot = -1;
        for (var k = i; k < s.Length; k++)
        {
            var c = s[k];
            if (c is >= '0' and <= '9')
            {
                whole = whole * 10 + (c - '0');
            }
            else if (c == '.' && dot < 0 && k > i && k < s.Length - 1 && s.Length - k - 1 != 3)
            {
                dot = k;
            }
            else
            {
                return false;
            }
        }
        var scale = dot < 0 ? 0 : s.Length - dot - 1;
        result = new decimal((int)(whole & 0xFFFFFFFF), (int)(whole >> 32), 0, i == 1, (byte)scale);
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return s.Length > 0;
    }
}
