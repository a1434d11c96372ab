using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using AngleSharp.Dom;
using Refully.Companion.Domain;
using Refully.Companion.Reports.Core;

namespace Refully.Companion.Pages.Parsers;

/// <summary>
/// A column a page parser wants: a name of its own and the header labels it goes by in each language.
/// <see cref="Required"/> columns decide whether a table is the wanted one; the others are read when present.
/// </summary>
public sealed record PageColumn(string Name, bool Required, params string[] Labels)
{
    public static PageColumn Req(string name, params string[] labels) => new(name, true, labels);

    public static PageColumn Opt(string name, params string[] labels) => new(name, false, labels);
}

/// <summary>
/// The one module that reads tables out of a composed page, for every parser: finds the table whose header
/// row carries the wanted labels (any language), whether it is a Katal kat-table (header row in
/// kat-table-head, else its first row) or a plain &lt;table&gt; (the row of th cells, else the first row), and
/// gives its rows' cells by column. Text is normalised; values are read with <see cref="ReportValues"/>.
/// </summary>
public static class PageTables
{
    /// <summary>Tables already searched per document and column list: the DOM check and the parse look for the same table.</summary>
    private static readonly ConditionalWeakTable<IDocument, Dictionary<IReadOnlyList<PageColumn>, FoundTable?>> Searched = new();

    /// <summary>The first table of the page whose header row has every required column, or null.</summary>
    public static LabelledTable? Find(IDocument document, IReadOnlyList<PageColumn> columns, ReportValueFormat format)
    {
        var searched = Searched.GetValue(document, _ => new Dictionary<IReadOnlyList<PageColumn>, FoundTable?>(ReferenceEqualityComparer.Instance));
        FoundTable? found;
        lock (searched)
        {
            if (!searched.TryGetValue(columns, out found))
            {
                found = Search(document, columns);
                searched[columns] = found;
            }
        }
        return found is null ? null : new LabelledTable(found.Columns, found.Rows, format);
    }

    private sealed record FoundTable(Dictionary<string, int> Columns, List<IReadOnlyList<string>> Rows);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static FoundTable? Search(IDocument document, IReadOnlyList<PageColumn> columns)
    {
        foreach (var table in document.QuerySelectorAll("kat-table, table"))
        {
            var rows = Rows(table);
            if (rows.Count == 0)
            {
                continue;
            }
            var headerIndex = HeaderRowIndex(table, rows);
            var headers = Cells(rows[headerIndex]).Select(LabelKey).ToList();
            var map = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var column in columns)
            {
                var keys = column.Labels.Select(LabelKey).ToHashSet(StringComparer.Ordinal);
                var index = headers.FindIndex(keys.Contains);
                if (index >= 0)
                {
                    map[column.Name] = index;
                }
            }
            if (columns.Where(c => c.Required).All(c => map.ContainsKey(c.Name)))
            {
                var body = rows.Skip(headerIndex + 1).Select(r => Cells(r).Select(Text.Normalize).ToList()).Where(c => c.Count > 0).ToList<IReadOnlyList<string>>();
                return new FoundTable(map, body);
            }
        }
        return null;
    }

    /// <summary>A label as compared: NFKC, lower case, without spaces, hyphens, dots, colons or quotes (HeaderMap.Normalize).</summary>
    public static string LabelKey(string? label) =>
        HeaderMap.Normalize(Text.Normalize(label).Normalize(NormalizationForm.FormKC).Replace('\u2019', '\''));

    /// <summary>How the marketplace writes values on its pages: EU decimal comma, day-first dates outside the US/CA.</summary>
    public static ReportValueFormat FormatFor(string? marketplace)
    {
        var language = marketplace is null ? null : Marketplaces.FromCode(marketplace)?.Language;
        var commaDecimal = language is "de" or "fr" or "it" or "es" or "nl" or "pt" or "sv" or "pl" or "tr";
        var monthFirst = marketplace is null or "US" or "CA";
        return new ReportValueFormat { DecimalComma = commaDecimal && marketplace != "MX", DayFirst = !monthFirst, DayFirstCertain = true };
    }

    /// <summary>Rows already found per table: the parsers' search and the page summary read the same tables of a parsed page, which nothing changes.</summary>
    private static readonly ConditionalWeakTable<IElement, List<IElement>> RowsOf = new();

    /// <summary>The table's own rows (not those of a table inside it); the list is shared, never change it.</summary>
    internal static IReadOnlyList<IElement> Rows(IElement table) => RowsOf.GetValue(table, static t => t.LocalName == "table"
        ? Own(t, "tr", "table")
        : Own(t, "kat-table-row", "kat-table"));

    /// <summary>
    /// The elements named <paramref name="name"/> under <paramref name="root"/> whose nearest ancestor named
    /// <paramref name="stop"/> is <paramref name="root"/>, in document order: what
    /// <c>root.QuerySelectorAll(name).Where(e =&gt; e.Closest(stop) == root)</c> gives, in one walk that does not enter a
    /// nested <paramref name="stop"/> (instead of a selector match per element and a walk up from each).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static List<IElement> Own(IElement root, string name, string stop)
    {
        var found = new List<IElement>();
        var stack = new Stack<IElement>();
        Push(stack, root);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element.LocalName == name)
            {
                found.Add(element);
            }
            if (element.LocalName != stop)
            {
                Push(stack, element);
            }
        }
        return found;
    }

    /// <summary>Pushes the element children of <paramref name="parent"/>, last first (child nodes by index: Children filters anew on each access).</summary>
    private static void Push(Stack<IElement> stack, IElement parent)
    {
        var nodes = parent.ChildNodes;
        for (var i = nodes.Length - 1; i >= 0; i--)
        {
            if (nodes[i] is IElement child)
            {
                stack.Push(child);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int HeaderRowIndex(IElement table, IReadOnlyList<IElement> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (table.LocalName == "table" ? rows[i].Children.Any(c => c.LocalName == "th") : rows[i].Closest("kat-table-head") is not null)
            {
                return i;
            }
        }
        return 0;
    }

    /// <summary>The texts of a row's cells (a deferred row's as the composer read them, <see cref="DeferredRows"/>).</summary>
    internal static IEnumerable<string> Cells(IElement row) => DeferredRows.CellsOf(row) ?? (row.LocalName == "tr"
        ? row.Children.Where(c => c.LocalName is "td" or "th").Select(DeferredRows.TextContent)
        : Own(row, "kat-table-cell", "kat-table-row").Select(DeferredRows.TextContent));
}

/// <summary>A found table: its columns by name and its body rows' normalised cell texts.</summary>
public sealed class LabelledTable(IReadOnlyDictionary<string, int> columns, IReadOnlyList<IReadOnlyList<string>> rows, ReportValueFormat format)
{
    public bool Has(string column) => columns.ContainsKey(column);

    public IEnumerable<TableRow> Rows => rows.Select(cells => new TableRow(columns, cells, format));

    public int RowCount => rows.Count;
}

/// <summary>One body row; every getter gives null for an absent column, an empty cell or a value that does not parse.</summary>
public readonly struct TableRow(IReadOnlyDictionary<string, int> columns, IReadOnlyList<string> cells, ReportValueFormat format)
{
    public string? Text(string column)
    {
        if (!columns.TryGetValue(column, out var index) || index >= cells.Count)
        {
            return null;
        }
        var text = cells[index];
        return text.Length == 0 || ReportValues.IsPlaceholder(text) ? null : text;
    }

    public int? Int(string column) =>
        Text(column) is { } t && ReportValues.TryParseInt(t, format, out var v) ? v : null;

    public decimal? Decimal(string column) =>
        Text(column) is { } t && ReportValues.TryParseDecimal(t, format, out var v) ? v : null;

    public DateOnly? Date(string column) =>
        Text(column) is { } t && ReportValues.TryParseDate(t, format, out var v) ? v : null;

    public DateTimeOffset? Timestamp(string column) =>
        Text(column) is { } t && ReportValues.TryParseTimestamp(t, format, out var v) ? v : null;

    /// <summary>The ISO currency a money cell shows by its sign or code (€, $, ¥, £, EUR …), or null.</summary>
    public string? Currency(string column, string? marketplace) => Text(column) is { } t ? PageValues.CurrencyOf(t, marketplace) : null;
}

/// <summary>Values that are not table cells: identifiers in a URL or in text, label → value pairs, currency signs.</summary>
public static class PageValues
{
    private static readonly (string Sign, string Code)[] Signs =
        [("US$", "USD"), ("CA$", "CAD"), ("C$", "CAD"), ("A$", "AUD"), ("R$", "BRL"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("￥", "JPY"), ("₹", "INR"), ("$", "USD")];

    /// <summary>The currency of a money text; a bare "$" is the marketplace's own dollar (CAD on .ca, MXN on .com.mx).</summary>
    public static string? CurrencyOf(string text, string? marketplace)
    {
        var local = marketplace is null ? null : Marketplaces.FromCode(marketplace)?.Currency;
        var found = CurrencyOf(text);
        return found == "USD" && !text.Contains("US", StringComparison.Ordinal) && local is "CAD" or "MXN" or "AUD" or "SGD" ? local : found;
    }

    public static string? CurrencyOf(string text)
    {
        foreach (var code in new[] { "USD", "EUR", "GBP", "JPY", "CAD", "MXN", "AUD", "INR", "SEK", "PLN", "BRL", "TRY", "AED", "SAR", "SGD", "EGP" })
        {
            if (text.Contains(code, StringComparison.Ordinal))
            {
                return code;
            }
        }
        return Signs.FirstOrDefault(s => text.Contains(s.Sign, StringComparison.Ordinal)).Code;
    }

    /// <summary>A query parameter of the URL, by name, case-insensitive (caseID / caseId).</summary>
    public static string? Query(Uri url, string name)
    {
        foreach (var part in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (eq > 0 && part[..eq].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                var value = Uri.UnescapeDataString(part[(eq + 1)..]).Trim();
                return value.Length == 0 ? null : value;
            }
        }
        return null;
    }

    /// <summary>
    /// The value shown next to a label ("Status:" → "Answered"): the leaf element whose text is the earliest of the
    /// labels (first in page order among equals), then the text of its next element sibling (or of its parent's next sibling). Null when absent.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? Field(IDocument document, params string[] labels)
    {
        if (DeferredRows.Of(document) is not null)
        {
            // It reads every element; a deferred row's content is not in the document (only table readers get such documents).
            throw new InvalidOperationException("PageValues.Field cannot read a document with deferred rows.");
        }
        var keys = labels.Select(PageTables.LabelKey).ToList();
        var best = (Rank: int.MaxValue, Value: (string?)null);
        foreach (var element in document.QuerySelectorAll("*"))
        {
            if (element.ChildElementCount != 0)
            {
                continue;
            }
            var rank = keys.IndexOf(PageTables.LabelKey(element.TextContent));
            if (rank < 0 || rank >= best.Rank)
            {
                continue;
            }
            var next = element.NextElementSibling ?? element.ParentElement?.NextElementSibling;
            var value = Text.Normalize(next?.TextContent);
            if (value.Length > 0)
            {
                best = (rank, value);
            }
        }
        return best.Value;
    }

    /// <summary>Upper-case code of a status word: "Checked-In" → CHECKED_IN.</summary>
    public static string Code(string text) =>
        string.Join('_', text.ToUpperInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries));

    public static string Invariant(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
