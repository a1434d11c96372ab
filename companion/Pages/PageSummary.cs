using System.Runtime.CompilerServices;
using AngleSharp.Dom;

namespace Refully.Companion.Pages;

public sealed record PageTable(IReadOnlyList<string> Headers, int Rows);

/// <summary>
/// What can be read from any composed page without knowing its type: headings and the tables (plain
/// &lt;table&gt; and Katal kat-table) with their header texts and row counts.
/// </summary>
public static class PageSummary
{
    public static IReadOnlyList<string> Headings(IDocument document) =>
        document.QuerySelectorAll("h1, h2, h3, [role=heading]")
            .Select(h => Text.Normalize(DeferredRows.TextContent(h)))
            .Where(t => t.Length > 0)
            .Distinct()
            .Take(20)
            .ToList();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<PageTable> Tables(IDocument document)
    {
        var tables = new List<PageTable>();
        foreach (var table in document.QuerySelectorAll("table, kat-table"))
        {
            tables.Add(table.LocalName == "table" ? HtmlTable(table) : KatTable(table));
        }
        return tables;
    }

    private static PageTable HtmlTable(IElement table)
    {
        var rows = Parsers.PageTables.Rows(table);
        var headerRow = rows.FirstOrDefault(r => r.Children.Any(c => c.LocalName == "th"));
        var headers = headerRow?.Children.Select(c => Text.Normalize(DeferredRows.TextContent(c))).ToList() ?? [];
        return new PageTable(headers, rows.Count(r => r != headerRow && r.Children.Any(c => c.LocalName == "td")));
    }

    private static PageTable KatTable(IElement table)
    {
        var rows = Parsers.PageTables.Rows(table);
        var headerRow = rows.FirstOrDefault(r => HasAncestor(r, "kat-table-head")) ?? rows.FirstOrDefault();
        var headers = headerRow is null ? [] : Parsers.PageTables.Cells(headerRow).Select(Text.Normalize).ToList();
        return new PageTable(headers, rows.Count(r => r != headerRow));
    }

    /// <summary>Closest(<paramref name="localName"/>) is not null, without parsing a selector per row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool HasAncestor(IElement element, string localName)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e.LocalName == localName)
            {
                return true;
            }
        }
        return false;
    }
}

public static class Text
{
    /// <summary>Collapses runs of white space (including no-break spaces) to one space and trims.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        if (IsNormal(text))
        {
            return text; // most cells: nothing to collapse, no copy
        }
        var builder = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>True when <see cref="Normalize"/> would give <paramref name="text"/> back unchanged: only single plain spaces, none at either end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsNormal(string text)
    {
        var previousSpace = true; // a space first is not normal
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }
                previousSpace = true;
            }
            else if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                return false;
            }
            else
            {
                previousSpace = false;
            }
        }
        return !previousSpace;
    }
}
