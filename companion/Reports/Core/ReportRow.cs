namespace Refully.Companion.Reports.Core;

/// <summary>
/// One data row of a recognised report, read through its reader's columns. Getters are null-safe: a
/// column that is absent or empty gives null. A value that cannot be read adds a problem that names the
/// file, line, column and value: an Error when the caller says the field is required (the file is then
/// rejected), else a Warning (the field is left null and the row kept). Cells of personal-data columns
/// (<see cref="PersonalData"/>) are never loaded: they read as null.
/// </summary>
public sealed class ReportRow
{
    private readonly Dictionary<string, int> _columns;
    private readonly IReadOnlyList<string> _headers;
    private readonly bool[] _personal;

    // The row's cells, copied into one reusable buffer; strings are made only for the cells a reader asks for.
    private char[] _chars = new char[1024];
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private int _count;

    public ReportRow(string file, HeaderMap headers, IEnumerable<ReportColumn> columns, ReportValueFormat format, ICollection<ReportProblem> problems)
    {
        File = file;
        _headers = headers.Headers;
        Format = format;
        Problems = problems;
        _columns = columns.ToDictionary(c => c.Key, headers.IndexOf, StringComparer.Ordinal);
        _personal = headers.Headers.Select(PersonalData.IsPersonal).ToArray();
    }

    public string File { get; }

    /// <summary>1-based line number in the file of the row being read.</summary>
    public long Line { get; private set; }

    /// <summary>How dates and numbers are written in this file (detected by the core).</summary>
    public ReportValueFormat Format { get; }

    public ICollection<ReportProblem> Problems { get; }

    /// <summary>Moves the row to the next record's fields (used by tests and by readers of other sources).</summary>
    public void Load(string[] fields, long line)
    {
        BeginRow(line);
        foreach (var field in fields)
        {
            AddCell(field);
        }
    }

    /// <summary>Starts a new row; cells follow with <see cref="AddCell"/>.</summary>
    internal void BeginRow(long line)
    {
        Line = line;
        _count = 0;
    }

    internal void AddCell(ReadOnlySpan<char> cell)
    {
        if (_count == _starts.Length)
        {
            Array.Resize(ref _starts, _count * 2);
            Array.Resize(ref _lengths, _count * 2);
        }
        var start = _count == 0 ? 0 : _starts[_count - 1] + _lengths[_count - 1];
        if (_count < _personal.Length && _personal[_count])
        {
            cell = [];
        }
        if (start + cell.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, start + cell.Length));
        }
        cell.CopyTo(_chars.AsSpan(start));
        _starts[_count] = start;
        _lengths[_count] = cell.Length;
        _count++;
    }

    public bool HasColumn(string key) => _columns.TryGetValue(key, out var i) && i >= 0;

    /// <summary>The trimmed text of a column, or null when absent or empty.</summary>
    public string? Text(string key)
    {
        var span = Cell(key);
        return span.IsEmpty ? null : new string(span);
    }

    /// <summary>
    /// The trimmed text of a column like <see cref="Text(string)"/>, but a value seen before in this file is the
    /// same string instance: for columns that repeat a few values over many rows (FNSKU, SKU, fulfilment center,
    /// disposition …), so the records of a large file share their strings instead of each holding a copy.
    /// </summary>
    public string? Shared(string key)
    {
        var span = Cell(key);
        return span.IsEmpty ? null : Intern(span);
    }

    /// <summary>An identifier like <see cref="Id"/>, shared like <see cref="Shared"/> (FNSKU, ASIN).</summary>
    public string? SharedId(string key, bool required = false) => CheckId(key, Shared(key), required);

    /// <summary>The trimmed cell of a column without making a string (empty when absent).</summary>
    internal ReadOnlySpan<char> CellText(string key) => Cell(key);

    // Per file: distinct values of shared columns, up to MaxShared (then new strings are made as by Text).
    internal const int MaxShared = 100_000;
    private Dictionary<string, string>? _shared;

    private string Intern(ReadOnlySpan<char> span)
    {
        _shared ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = _shared.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(span, out var known))
        {
            return known;
        }
        var text = new string(span);
        if (_shared.Count < MaxShared)
        {
            _shared.Add(text, text);
        }
        return text;
    }

    /// <summary>True when the column's trimmed text equals <paramref name="value"/> (ignoring case), without making a string.</summary>
    public bool Is(string key, string value) => Cell(key).Equals(value, StringComparison.OrdinalIgnoreCase);

    public string? Text(string key, bool required) => required ? Require(key, Text(key)) : Text(key);

    /// <summary>An identifier (order id, FNSKU, transaction item id …). Excel-mangled ids (5.80293E+13) are refused.</summary>
    public string? Id(string key, bool required = false) => CheckId(key, Text(key), required);

    private string? CheckId(string key, string? value, bool required)
    {
        if (value is not null && ReportValues.LooksExcelMangled(value))
        {
            Problem(key, value, required, "this identifier was turned into a number by a spreadsheet program (scientific notation) and its digits are lost; use the original download");
            return null;
        }
        return required ? Require(key, value) : value;
    }

    public int? Int(string key, bool required = false) =>
        TryPlainInt(Cell(key), out var plain) ? plain : Parse<int>(key, required, "a whole number", v => ReportValues.TryParseInt(v, Format, out var r) ? r : null);

    public decimal? Decimal(string key, bool required = false) => Parse<decimal>(key, required, "a number", v => ReportValues.TryParseDecimal(v, Format, out var r) ? r : null);

    /// <summary>A calendar date (a date-time is cut to its own local date, as written).</summary>
    public DateOnly? Date(string key, bool required = false) =>
        ReportDates.TryParseDate(Cell(key), Format, out var date) ? date : Parse<DateOnly>(key, required, "a date", v => ParseDated(v, (value, format) => ReportValues.TryParseDate(value, format, out var r) ? r : (DateOnly?)null));

    /// <summary>A point in time; a value without offset or zone is taken as <see cref="ReportValueFormat.DefaultOffset"/>.</summary>
    public DateTimeOffset? Timestamp(string key, bool required = false) =>
        ReportDates.TryParseTimestamp(Cell(key), Format, out var timestamp) ? timestamp : Parse<DateTimeOffset>(key, required, "a date and time", v => ParseDated(v, (value, format) => ReportValues.TryParseTimestamp(value, format, out var r) ? r : (DateTimeOffset?)null));

    /// <summary>
    /// "123" / "-45" (at most nine digits) read without making a string: the value the general parser gives such
    /// a cell (which also takes "1,234", "(5)", "12.0" …, and reports problems), read the short way.
    /// </summary>
    private static bool TryPlainInt(ReadOnlySpan<char> cell, out int value)
    {
        value = 0;
        var negative = cell.Length > 0 && cell[0] == '-';
        var digits = negative ? cell[1..] : cell;
        if (digits.Length is 0 or > 9)
        {
            return false;
        }
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        value = negative ? -value : value;
        return true;
    }

    /// <summary>Records a problem on a column of the current row.</summary>
    public void Problem(string key, string? value, bool error, string message)
    {
        var index = _columns.TryGetValue(key, out var i) ? i : -1;
        Problems.Add(new ReportProblem(error ? ProblemSeverity.Error : ProblemSeverity.Warning, File, Line,
            index + 1, index >= 0 ? _headers[index] : key, value, message));
    }

    private ReadOnlySpan<char> Cell(string key)
    {
        if (!_columns.TryGetValue(key, out var i))
        {
            throw new ArgumentException($"Column key '{key}' is not declared by this reader.", nameof(key));
        }
        return i < 0 || i >= _count ? [] : _chars.AsSpan(_starts[i], _lengths[i]).Trim();
    }

    /// <summary>
    /// Parses a date with the file's date order; when the order was only guessed and the value fits the other
    /// order alone, stops the read so the importer can start again with the order this value proves.
    /// </summary>
    private T? ParseDated<T>(string value, Func<string, ReportValueFormat, T?> parse) where T : struct
    {
        var parsed = parse(value, Format);
        if (parsed is null && !Format.DayFirstCertain)
        {
            var other = Format with { DayFirst = !Format.DayFirst, DayFirstCertain = true };
            if (parse(value, other) is not null)
            {
                throw new DateOrderContradictionException(other, value);
            }
        }
        return parsed;
    }

    private T? Parse<T>(string key, bool required, string what, Func<string, T?> parse) where T : struct
    {
        var value = Text(key);
        if (value is null || ReportValues.IsPlaceholder(value))
        {
            if (required)
            {
                Problem(key, value, true, $"{what} is required here and the cell is empty");
            }
            return null;
        }
        var parsed = parse(value);
        if (parsed is null)
        {
            Problem(key, value, required, $"not {what}");
        }
        return parsed;
    }

    private string? Require(string key, string? value)
    {
        if (value is null)
        {
            Problem(key, null, true, "this field identifies the row and is empty");
        }
        return value;
    }
}
