namespace Refully.Companion.Reports.Core;

/// <summary>
/// Dates and times in every shape Amazon writes (domain.md §5), read by one small scanner:
/// <list type="bullet">
/// <item>ISO: 2026-07-06, 2026/07/06, 2026-07-06T00:00:00-0700, 2015-12-02T03:27:08+00:00, …Z, with fractions</item>
/// <item>numeric day/month: 12/31/2026 (US), 31/12/2026, 31-12-2026 (order from the file), 31.12.2026 (always day first), two-digit years</item>
/// <item>named months (EN/DE/FR/IT/ES): Dec 1, 2017 · 1 Dec 2017 · 05-JUN-2017 · 1. März 2023 · 1 janv. 2023</item>
/// <item>times: 12:38:23 AM, 07:49:55, 00.21.15 (IT); zones: Z, ±hh:mm, ±hhmm, PST/PDT/GMT/UTC/JST/CET…, GMT+09:00</item>
/// </list>
/// A value without zone takes <see cref="ReportValueFormat.DefaultOffset"/>. A date is the calendar date as written.
/// </summary>
public static class ReportDates
{
    public static bool TryParseDate(string value, ReportValueFormat format, out DateOnly result)
    {
        result = default;
        if (!TryParse(value.AsSpan().Trim(), format, out var parsed))
        {
            return false;
        }
        result = DateOnly.FromDateTime(parsed.DateTime);
        return true;
    }

    public static bool TryParseTimestamp(string value, ReportValueFormat format, out DateTimeOffset result) =>
        TryParse(value.AsSpan().Trim(), format, out result);

    /// <summary><see cref="TryParseDate(string, ReportValueFormat, out DateOnly)"/> of a cell's text, without making a string.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> value, ReportValueFormat format, out DateOnly result)
    {
        result = default;
        if (!TryParse(value.Trim(), format, out var parsed))
        {
            return false;
        }
        result = DateOnly.FromDateTime(parsed.DateTime);
        return true;
    }

    /// <summary><see cref="TryParseTimestamp(string, ReportValueFormat, out DateTimeOffset)"/> of a cell's text, without making a string.</summary>
    public static bool TryParseTimestamp(ReadOnlySpan<char> value, ReportValueFormat format, out DateTimeOffset result) =>
        TryParse(value.Trim(), format, out result);

    /// <summary>Day and month of a numeric d/m/y or m/d/y value, or null when the value is not one (used to detect the order).</summary>
    public static (int First, int Second)? NumericDayMonth(ReadOnlySpan<char> s)
    {
        var scan = new Scanner(s.Trim());
        if (scan.Digits(1, 2, out var a) && scan.Sep(out var sep) && sep is '/' or '-' && scan.Digits(1, 2, out var b) && scan.Skip(sep))
        {
            return (a, b);
        }
        return null;
    }

    private static bool TryParse(ReadOnlySpan<char> s, ReportValueFormat format, out DateTimeOffset result)
    {
        result = default;
        if (s.Length < 6)
        {
            return false;
        }
        var scan = new Scanner(s);
        if (!ReadDate(ref scan, format, out var year, out var month, out var day)
            || month is < 1 or > 12 || day < 1 || year is < 1 or > 9999 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        var time = TimeSpan.Zero;
        var offset = format.DefaultOffset;
        scan.SkipAny(' ', ',');
        if (scan.Peek() is 'T' or 't' && char.IsAsciiDigit(scan.PeekAt(1)))
        {
            scan.Advance();
        }
        if (!scan.AtEnd && char.IsAsciiDigit(scan.Peek()) && !ReadTime(ref scan, out time))
        {
            return false;
        }
        scan.SkipAny(' ');
        if (!scan.AtEnd && !ReadZone(ref scan, out offset))
        {
            return false;
        }
        scan.SkipAny(' ');
        if (!scan.AtEnd || offset < TimeSpan.FromHours(-14) || offset > TimeSpan.FromHours(14))
        {
            return false;
        }
        result = new DateTimeOffset(new DateTime(year, month, day).Add(time), offset);
        return true;
    }

    private static bool ReadDate(ref Scanner scan, ReportValueFormat format, out int year, out int month, out int day)
    {
        year = month = day = 0;
        var start = scan;
        // 2026-07-06, 2026/07/06, 2026.07.06, 2026年7月6日
        if (scan.Digits(4, 4, out year) && scan.Sep(out var sep) && sep is '-' or '/' or '.' or '年'
            && scan.Digits(1, 2, out month) && (scan.Skip(sep) || (sep == '年' && scan.Skip('月'))) && scan.Digits(1, 2, out day))
        {
            if (sep == '年')
            {
                scan.Skip('日');
            }
            return true;
        }
        scan = start;
        // Dec 1, 2017 / December 1 2017
        if (scan.Word(out var word) && Months.TryGet(word, out month))
        {
            scan.SkipAny(' ', '.');
            if (!scan.Digits(1, 2, out day))
            {
                return false;
            }
            scan.SkipAny(',', ' ');
            return scan.Digits(4, 4, out year);
        }
        scan = start;
        if (!scan.Digits(1, 2, out var first))
        {
            return false;
        }
        // 31.12.2026 / 12/31/2026 / 31-12-26
        var afterFirst = scan;
        if (scan.Sep(out sep) && sep is '/' or '-' or '.' && scan.Digits(1, 2, out var second) && scan.Skip(sep) && ReadYear(ref scan, out year))
        {
            var dayFirst = sep == '.' || format.DayFirst;
            (day, month) = dayFirst ? (first, second) : (second, first);
            return true;
        }
        // 05-JUN-2017, 1 Dec 2017, 1. März 2023, 1 janv. 2023
        scan = afterFirst;
        scan.SkipAny('-', ' ', '.', '/');
        if (scan.Word(out word) && Months.TryGet(word, out month))
        {
            scan.SkipAny('-', ' ', '.', '/');
            day = first;
            return ReadYear(ref scan, out year);
        }
        return false;
    }

    private static bool ReadYear(ref Scanner scan, out int year)
    {
        var start = scan;
        if (scan.Digits(4, 4, out year))
        {
            return true;
        }
        scan = start;
        if (scan.Digits(2, 2, out year) && (scan.AtEnd || !char.IsAsciiDigit(scan.Peek())))
        {
            year += 2000;
            return true;
        }
        return false;
    }

    /// <summary>H:mm[:ss[.fffffff]] with ':' or '.' (IT) between parts, then AM/PM.</summary>
    private static bool ReadTime(ref Scanner scan, out TimeSpan time)
    {
        time = default;
        if (!scan.Digits(1, 2, out var hour) || !scan.Sep(out var sep) || sep is not (':' or '.') || !scan.Digits(2, 2, out var minute))
        {
            return false;
        }
        var second = 0;
        long ticks = 0;
        if (scan.Skip(sep) && !scan.Digits(2, 2, out second))
        {
            return false;
        }
        if (scan.Peek() is '.' or ',' && char.IsAsciiDigit(scan.PeekAt(1)))
        {
            scan.Advance();
            var scale = TimeSpan.TicksPerSecond;
            while (!scan.AtEnd && char.IsAsciiDigit(scan.Peek()))
            {
                scale /= 10;
                ticks += (scan.Peek() - '0') * scale;
                scan.Advance();
            }
        }
        scan.SkipAny(' ');
        var meridiem = scan.Meridiem();
        if (meridiem != 0)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }
            hour = hour % 12 + (meridiem == 'P' ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        time = new TimeSpan(hour, minute, second) + TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>Z, ±hh:mm, ±hhmm, ±hh, a zone abbreviation, or GMT/UTC followed by an offset.</summary>
    private static bool ReadZone(ref Scanner scan, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (scan.Peek() is '+' or '-')
        {
            return ReadOffset(ref scan, out offset);
        }
        if (!scan.Word(out var word) || !TimeZoneAbbreviations.TryGet(word, out offset))
        {
            return false;
        }
        if (scan.Peek() is '+' or '-' && word is "GMT" or "UTC" or "UT" or "gmt" or "utc")
        {
            return ReadOffset(ref scan, out offset);
        }
        return true;
    }

    /// <summary>+h, +hh, +hhmm or +hh:mm.</summary>
    private static bool ReadOffset(ref Scanner scan, out TimeSpan offset)
    {
        offset = default;
        var sign = scan.Peek() == '-' ? -1 : 1;
        scan.Advance();
        var digits = scan.CountDigits();
        int hours, minutes = 0;
        if (digits == 4)
        {
            scan.Fixed(2, out hours);
            scan.Fixed(2, out minutes);
        }
        else if (digits is 1 or 2)
        {
            scan.Fixed(digits, out hours);
            if (scan.Skip(':') && (scan.CountDigits() != 2 || !scan.Fixed(2, out minutes)))
            {
                return false;
            }
        }
        else
        {
            return false;
        }
        offset = sign * new TimeSpan(hours, minutes, 0);
        return minutes < 60;
    }

    /// <summary>A cursor over the value; copied by value to backtrack.</summary>
    private ref struct Scanner(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _pos;

        public readonly bool AtEnd => _pos >= _text.Length;

        public readonly char Peek() => PeekAt(0);

        public readonly char PeekAt(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

        public void Advance() => _pos++;

        public bool Skip(char c)
        {
            if (Peek() != c)
            {
                return false;
            }
            _pos++;
            return true;
        }

        public void SkipAny(params ReadOnlySpan<char> chars)
        {
            while (!AtEnd && chars.Contains(_text[_pos]))
            {
                _pos++;
            }
        }

        public bool Sep(out char sep)
        {
            sep = Peek();
            if (AtEnd || char.IsAsciiDigit(sep) || char.IsLetter(sep) && sep != '年')
            {
                return false;
            }
            _pos++;
            return true;
        }

        public bool Digits(int min, int max, out int value)
        {
            value = 0;
            var n = 0;
            while (n < max && !AtEnd && char.IsAsciiDigit(_text[_pos]))
            {
                value = value * 10 + (_text[_pos] - '0');
                _pos++;
                n++;
            }
            return n >= min && (n < max || AtEnd || !char.IsAsciiDigit(_text[_pos]));
        }

        public readonly int CountDigits()
        {
            var n = 0;
            while (char.IsAsciiDigit(PeekAt(n)))
            {
                n++;
            }
            return n;
        }

        /// <summary>Exactly <paramref name="n"/> digits, whatever follows.</summary>
        public bool Fixed(int n, out int value)
        {
            value = 0;
            for (var k = 0; k < n; k++)
            {
                if (!char.IsAsciiDigit(Peek()))
                {
                    return false;
                }
                value = value * 10 + (Peek() - '0');
                _pos++;
            }
            return true;
        }

        /// <summary>A run of letters (month names, zones), with the dot of an abbreviation ("janv.") left behind.</summary>
        public bool Word(out ReadOnlySpan<char> word)
        {
            var start = _pos;
            while (!AtEnd && char.IsLetter(_text[_pos]))
            {
                _pos++;
            }
            word = _text[start.._pos];
            return word.Length > 0;
        }

        /// <summary>'A', 'P' after reading AM/PM (a.m., p.m., 午前, 午後), else 0 and nothing read.</summary>
        public char Meridiem()
        {
            var rest = _text[_pos..];
            foreach (var (token, kind) in MeridiemTokens)
            {
                if (rest.StartsWith(token, StringComparison.OrdinalIgnoreCase) && (rest.Length == token.Length || !char.IsLetter(rest[token.Length])))
                {
                    _pos += token.Length;
                    return kind;
                }
            }
            return '\0';
        }

        private static readonly (string, char)[] MeridiemTokens = [("a.m.", 'A'), ("p.m.", 'P'), ("AM", 'A'), ("PM", 'P'), ("午前", 'A'), ("午後", 'P')];
    }
}
