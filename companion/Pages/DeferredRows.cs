using System.Runtime.CompilerServices;
using System.Text;
using AngleSharp.Dom;

namespace Refully.Companion.Pages;

/// <summary>
/// One table row whose content the textual composer read instead of writing it into the page the parser builds
/// (<see cref="TextualComposer"/>): its cells' texts, as <c>TextContent</c> of each <c>kat-table-cell</c> under the row
/// (nested ones too, in document order) would give them, and the depth of its content below the row.
/// </summary>
public sealed class DeferredRow(IReadOnlyList<string> cells, int depth, Func<string> text)
{
    private string? _text;

    public IReadOnlyList<string> Cells { get; } = cells;

    /// <summary>How many levels of nodes the row's content has below the row (its children are 1).</summary>
    public int Depth { get; } = depth;

    /// <summary>The row's whole text (its TextContent), read when first asked.</summary>
    public string Text => _text ??= text();
}

/// <summary>
/// The rows of a composed document that were deferred: each is an empty <c>kat-table-row</c> carrying
/// <see cref="Marker"/> (its index here) in the parsed document, and its content lives only here.
/// <para>
/// A page of 500 Katal rows is mostly those rows; building AngleSharp nodes for them and reading them back cost most
/// of a page's parse (docs/pages.md "Fifth round"). So when the page's readers only read tables, the composer keeps
/// a row's content out of the parsed page, provided the row is <b>plain</b>: inside a <c>kat-table</c>, its content has
/// no table or row of its own, no heading (h1–h6, nor any tag mentioning "heading"), no script/style/textarea or other
/// raw text element, and text whose DOM value is certain (<see cref="TextualComposer.Decode"/>). Any other row is
/// parsed as it is.
/// </para>
/// <para>
/// Who may read a document with deferred rows: <see cref="Parsers.PageTables"/> (rows and cells, through
/// <see cref="CellsOf"/>), <see cref="PageSummary"/> (table headers and row counts; headings, which a plain row never
/// holds), the document's depth (<see cref="ComposedDocument.MaxDepth"/> adds each row's) and any text read through
/// <see cref="TextContent"/>. Nothing else: <see cref="Parsers.PageParsers.DefersRows"/> allows it only for pages whose
/// parsers read through <see cref="Parsers.PageTables"/> alone. Tests compare every reader's result with and without
/// deferral on every fixture page and on random pages.
/// </para>
/// </summary>
public sealed class DeferredRows
{
    /// <summary>The attribute that carries a deferred row's index in the parsed document.</summary>
    public const string Marker = "data-refully-row";

    private static readonly ConditionalWeakTable<IDocument, DeferredRows> OfDocument = new();

    private readonly IDocument _document;
    private readonly List<DeferredRow> _rows;
    private HashSet<INode>? _containers;

    private DeferredRows(IDocument document, List<DeferredRow> rows)
    {
        _document = document;
        _rows = rows;
    }

    public int Count => _rows.Count;

    /// <summary>Registers the rows deferred from <paramref name="document"/>'s text.</summary>
    internal static DeferredRows Attach(IDocument document, List<DeferredRow> rows)
    {
        var deferred = new DeferredRows(document, rows);
        OfDocument.AddOrUpdate(document, deferred);
        return deferred;
    }

    /// <summary>The deferred rows of a document, or null when it has none.</summary>
    public static DeferredRows? Of(IDocument? document) =>
        document is not null && OfDocument.TryGetValue(document, out var rows) ? rows : null;

    /// <summary>The deferred row an element stands for, or null when it is not one.</summary>
    public DeferredRow? Row(IElement element) =>
        element.Owner == _document && element.LocalName == "kat-table-row" && element.GetAttribute(Marker) is { } index
        && int.TryParse(index, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i)
        && i < _rows.Count ? _rows[i] : null;

    /// <summary>The cells' texts of a deferred row, or null for any other element (read it from the DOM).</summary>
    public static IReadOnlyList<string>? CellsOf(IElement row) => Of(row.Owner)?.Row(row)?.Cells;

    /// <summary>An element's TextContent as the page has it: a deferred row's text included.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string TextContent(IElement element)
    {
        if (Of(element.Owner) is not { } deferred)
        {
            return element.TextContent;
        }
        if (deferred.Row(element) is { } row)
        {
            return row.Text;
        }
        if (!deferred.Containers().Contains(element))
        {
            return element.TextContent;
        }
        var text = new StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(element);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText textNode)
            {
                text.Append(textNode.Data);
                continue;
            }
            if (node is IElement e && deferred.Row(e) is { } deferredRow)
            {
                text.Append(deferredRow.Text);
                continue;
            }
            if (node is IElement or IDocumentFragment)
            {
                var children = node.ChildNodes;
                for (var i = children.Length - 1; i >= 0; i--)
                {
                    stack.Push(children[i]);
                }
            }
        }
        return text.ToString();
    }

    /// <summary>Every ancestor of a deferred row: the elements whose DOM TextContent lacks a row's text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private HashSet<INode> Containers()
    {
        if (_containers is { } known)
        {
            return known;
        }
        var containers = new HashSet<INode>(ReferenceEqualityComparer.Instance);
        foreach (var row in _document.QuerySelectorAll("kat-table-row[" + Marker + "]"))
        {
            for (var parent = row.Parent; parent is not null && containers.Add(parent); parent = parent.Parent)
            {
            }
        }
        return _containers = containers;
    }
}
