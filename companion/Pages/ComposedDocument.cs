using System.Runtime.CompilerServices;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Refully.Companion.Pages;

/// <summary>
/// Parses a captured page whose shadow roots were serialized as &lt;template shadowrootmode="open"&gt; and
/// turns it into one flat ("composed") tree: each shadow root's content takes the place of its host's
/// children, with slots filled by the light children assigned to them. After that, ordinary selectors
/// and TextContent see the text that lived inside shadow roots, which is where Katal keeps it.
/// AngleSharp attaches declarative shadow roots while parsing (element.ShadowRoot), and never throws on
/// bad HTML; the walk is iterative, so deep nesting cannot overflow the stack.
/// </summary>
public sealed class ComposedDocument
{
    private ComposedDocument(IHtmlDocument document, int shadowRoots, int depth, bool composedAsText)
    {
        Document = document;
        ShadowRootCount = shadowRoots;
        MaxDepth = depth;
        ComposedAsText = composedAsText;
    }

    public IHtmlDocument Document { get; }

    /// <summary>How many shadow roots the page carried.</summary>
    public int ShadowRootCount { get; }

    /// <summary>The deepest element nesting seen while composing.</summary>
    public int MaxDepth { get; }

    /// <summary>True when the shadow roots were composed in the page's text (<see cref="TextualComposer"/>), false when in the DOM.</summary>
    public bool ComposedAsText { get; }

    /// <summary>
    /// Parses and composes: in the page's text when <see cref="TextualComposer"/> can (most of a Katal page's cost),
    /// else in the DOM. Both give the same tree (tests compare them).
    /// </summary>
    public static ComposedDocument Parse(string html) => Parse(html, deferRows: false);

    /// <summary>
    /// As <see cref="Parse(string)"/>; with <paramref name="deferRows"/>, plain table rows are read by the composer and
    /// left out of the parsed document (<see cref="DeferredRows"/>: only for readers that read tables alone).
    /// </summary>
    public static ComposedDocument Parse(string html, bool deferRows)
    {
        if (TextualComposer.TryCompose(html, deferRows, out var roots, out var rows) is { } composed)
        {
            var document = NewParser().ParseDocument(composed);
            var deferred = rows is null ? null : DeferredRows.Attach(document, rows);
            return new ComposedDocument(document, roots, Depth(document, deferred), composedAsText: true) { DeferredRowCount = rows?.Count ?? 0 };
        }
        return ParseInDom(html, stripShadowStyles: true);
    }

    /// <summary>How many table rows were read by the composer instead of parsed (<see cref="DeferredRows"/>).</summary>
    public int DeferredRowCount { get; private init; }

    /// <summary>Parses and composes in the DOM; <paramref name="stripShadowStyles"/> false parses every byte (the reference the tests compare with).</summary>
    internal static ComposedDocument ParseInDom(string html, bool stripShadowStyles)
    {
        // The leading <style>/<script> of each shadow root would be left out when composing; not parsing them saves most of the work.
        var document = NewParser().ParseDocument(stripShadowStyles ? ShadowStyles.Strip(html) : html);
        var (roots, depth) = Compose(document);
        return new ComposedDocument(document, roots, depth, composedAsText: false);
    }

    private static HtmlParser NewParser() => new(new HtmlParserOptions { IsKeepingSourceReferences = false, DisableElementPositionTracking = true });

    /// <summary>
    /// The deepest node of a document with no shadow roots, counted as <see cref="Compose"/> counts (the root element is 1);
    /// a deferred row counts with the depth of its content.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Depth(IDocument document, DeferredRows? deferred)
    {
        var maxDepth = 0;
        if (document.DocumentElement is not { } root)
        {
            return 0;
        }
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            maxDepth = Math.Max(maxDepth, depth);
            if (deferred is not null && node is IElement element && deferred.Row(element) is { } row)
            {
                maxDepth = Math.Max(maxDepth, depth + row.Depth);
                continue;
            }
            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], depth + 1));
            }
        }
        return maxDepth;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Roots, int Depth) Compose(IDocument document)
    {
        var roots = 0;
        var maxDepth = 0;
        var stack = new Stack<(INode Node, int Depth)>();
        if (document.DocumentElement is { } root)
        {
            stack.Push((root, 1));
        }
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            maxDepth = Math.Max(maxDepth, depth);
            if (node is IElement element)
            {
                if (element.ShadowRoot is { } shadow)
                {
                    roots++;
                    Flatten(element, shadow);
                }
                else if (element is IHtmlTemplateElement { } template && template.HasAttribute("shadowrootmode"))
                {
                    // A declarative root the parser did not attach (e.g. a second one on the same host): read it anyway.
                    roots++;
                    var fragment = template.Content;
                    var parent = template.Parent;
                    if (parent is not null)
                    {
                        foreach (var child in fragment.ChildNodes.ToArray())
                        {
                            if (!IsPresentation(child))
                            {
                                parent.InsertBefore(child, template);
                            }
                        }
                        parent.RemoveChild(template);
                        // Re-visit the parent's new children.
                        stack.Push((parent, depth - 1));
                        continue;
                    }
                }
            }
            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], depth + 1));
            }
        }
        return (roots, maxDepth);
    }

    /// <summary>Moves the shadow tree into the host, placing light children into their slots.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Flatten(IElement host, IShadowRoot shadow)
    {
        var light = host.ChildNodes.ToList();
        foreach (var node in light)
        {
            host.RemoveChild(node);
        }
        var shadowNodes = shadow.ChildNodes.ToList();
        foreach (var node in shadowNodes)
        {
            // A component's own <style> (Katal ships one per shadow root) is presentation, not page text:
            // left in, its CSS would run into the host's TextContent (a header cell reading ":host{…}Date").
            if (IsPresentation(node))
            {
                continue;
            }
            host.AppendChild(node);
        }
        var assigned = new HashSet<INode>();
        foreach (var slot in Slots(host))
        {
            var name = slot.GetAttribute("name") ?? "";
            var matching = light.Where(n => !assigned.Contains(n) && SlotName(n) == name).ToList();
            if (matching.Count == 0)
            {
                continue; // keep the slot's fallback content
            }
            foreach (var node in matching)
            {
                slot.Parent?.InsertBefore(node, slot);
                assigned.Add(node);
            }
            slot.Parent?.RemoveChild(slot);
        }
        // Light children no slot took are not displayed by a browser, but their text may still be data: keep it, after.
        foreach (var node in light.Where(n => !assigned.Contains(n)))
        {
            host.AppendChild(node);
        }
    }

    /// <summary>A shadow root's own &lt;style&gt; or &lt;script&gt;: presentation, never page text.</summary>
    private static bool IsPresentation(INode node) => node is IElement { LocalName: "style" or "script" };

    /// <summary>The &lt;slot&gt; elements under <paramref name="host"/> in document order (QuerySelectorAll("slot") without parsing a selector per host).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<IElement> Slots(IElement host)
    {
        var slots = new List<IElement>();
        var stack = new Stack<INode>();
        for (var i = host.ChildNodes.Length - 1; i >= 0; i--)
        {
            stack.Push(host.ChildNodes[i]);
        }
        while (stack.Count > 0)
        {
            if (stack.Pop() is not IElement element)
            {
                continue;
            }
            if (element.LocalName == "slot")
            {
                slots.Add(element);
            }
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
        return slots;
    }

    private static string SlotName(INode node) => node is IElement e ? e.GetAttribute("slot") ?? "" : "";
}
