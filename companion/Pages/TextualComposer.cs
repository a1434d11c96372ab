using System.Runtime.CompilerServices;
using System.Text;

namespace Refully.Companion.Pages;

/// <summary>
/// Composes a captured page's declarative shadow roots in its text, before any DOM exists: each custom element
/// whose first child is a <c>&lt;template shadowrootmode="open|closed"&gt;</c> gets the template's content in
/// place of its children, with the light children moved into the slots they are assigned to, exactly as
/// <see cref="ComposedDocument"/>'s DOM composition does (its <c>Flatten</c>, mirrored step by step on a light
/// tree of text slices). AngleSharp then parses a page with no shadow roots left: about half the nodes, and no
/// node moves. On the 2 MB ledger page of scripts/bench-pages this replaces the style strip, the parse of the
/// templates and the DOM composition (docs/pages.md "Performance").
/// <para>
/// The text is read with a strict model of the HTML tree builder: every element is closed by its own end tag,
/// and no start tag may make the tree builder close or move elements by itself (a <c>&lt;div&gt;</c> inside an open
/// <c>&lt;p&gt;</c>, a second <c>&lt;li&gt;</c>, table content, <c>&lt;select&gt;</c> content, foreign content breaking out,
/// other templates near a shadow root …). Within that model the composed text parses into the same tree as the
/// DOM composition gives; whenever the page leaves it, <see cref="TryCompose"/> answers null and the caller
/// composes the DOM instead, which is always correct, only slower. Tests compare both on every fixture page and
/// on randomly generated pages.
/// </para>
/// </summary>
public static class TextualComposer
{
    /// <summary>The composed page, or null when the page is not within the strict model (compose its DOM instead).</summary>
    public static string? TryCompose(string html, out int shadowRoots) => TryCompose(html, deferRows: false, out shadowRoots, out _);

    /// <summary>
    /// As <see cref="TryCompose(string, out int)"/>; with <paramref name="deferRows"/>, the content of each plain
    /// <c>kat-table-row</c> inside a <c>kat-table</c> is not written but read here into <paramref name="rows"/> (its
    /// cells' texts), and the row is written empty with its index in <see cref="DeferredRows.Marker"/> (see
    /// <see cref="DeferredRows"/>: what a row must be to be deferred, and who may read a document that has such rows).
    /// </summary>
    public static string? TryCompose(string html, bool deferRows, out int shadowRoots, out List<DeferredRow>? rows)
    {
        if (html.IndexOf("shadowrootmode", StringComparison.OrdinalIgnoreCase) < 0)
        {
            (shadowRoots, rows) = (0, null);
            return null; // nothing to compose: the DOM path parses it as it is
        }
        return Compose(html, deferRows, reuseTemplates: true, out shadowRoots, out rows);
    }

    /// <summary>The composed page with or without taking templates read before (<c>KnownTemplate</c>): tests compare the two.</summary>
    internal static string? TryCompose(string html, bool deferRows, bool reuseTemplates, out List<DeferredRow>? rows) =>
        Compose(html, deferRows, reuseTemplates, out _, out rows);

    private static string? Compose(string html, bool deferRows, bool reuseTemplates, out int shadowRoots, out List<DeferredRow>? rows)
    {
        var reader = new Reader(html) { DeferRows = deferRows, ReuseTemplates = reuseTemplates };
        var composed = reader.Run(out shadowRoots);
        rows = composed is null || reader.Rows.Count == 0 ? null : reader.Rows;
        return composed;
    }

    /// <summary>As <see cref="TryCompose(string, out int)"/>; when refused, <paramref name="refusedAt"/> is about where the page left the model.</summary>
    internal static string? TryCompose(string html, out int shadowRoots, out int refusedAt)
    {
        var reader = new Reader(html);
        var composed = reader.Run(out shadowRoots);
        refusedAt = composed is null ? reader.Position : -1;
        return composed;
    }

    private const int MaxDepth = 400;

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen", "link", "meta", "param",
        "source", "track", "wbr",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    };

    /// <summary>Start tags that close an open &lt;p&gt; (HTML's "close a p element" in the in-body rules).</summary>
    private static readonly HashSet<string> ClosesP = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5",
        "h6", "pre", "listing", "form", "table", "hr", "xmp", "plaintext", "li", "dd", "dt",
    };

    /// <summary>Tags whose start or end the tree builder treats specially in ways the strict model does not follow.</summary>
    private static readonly HashSet<string> Refused = new(StringComparer.Ordinal)
    {
        "html", "head", "body", "frameset", "plaintext", "noscript", "select", "option", "optgroup", "datalist", "rb", "rp", "rt", "rtc",
        "caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr", "td", "th", "table", "template", "image", "isindex", "frame", "math",
        "applet", "marquee", "object", "menuitem", "keygen", "pre", "listing",
    };

    /// <summary>In SVG, HTML start tags that end foreign content (the tree builder's breakout list).</summary>
    private static readonly HashSet<string> BreakOut = new(StringComparer.Ordinal)
    {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6",
        "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong",
        "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font",
    };

    private static readonly HashSet<string> SvgTextPoints = new(StringComparer.Ordinal) { "foreignobject", "desc", "title" };

    /// <summary>What the model knows of a tag name (one per name and page, so a tag costs one lookup).</summary>
    private sealed class Tag
    {
        public Tag(string name)
        {
            Name = name;
            IsVoid = Void.Contains(name);
            IsRaw = RawText.Contains(name);
            IsPresentation = name is "style" or "script";
            ClosesP = TextualComposer.ClosesP.Contains(name);
            RefusedInHost = Refused.Contains(name);
            BreaksOut = BreakOut.Contains(name);
            IsHeading = name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
            IsSvgTextPoint = SvgTextPoints.Contains(name);
            IsTableFamily = name is "table" or "tbody" or "thead" or "tfoot" or "tr" or "colgroup" or "td" or "th" or "caption";
            IsCustom = TextualComposer.IsCustom(name);
            IsKatTable = name == "kat-table";
            IsKatTableRow = name == "kat-table-row";
            IsKatTableCell = name == "kat-table-cell";
            Counted = name switch
            {
                "p" => 0,
                "li" => 1,
                "dd" => 2,
                "dt" => 3,
                "a" => 4,
                "button" => 5,
                "form" => 6,
                "nobr" => 7,
                "slot" => 8,
                "select" => 9,
                "body" => 10,
                _ => -1,
            };
        }

        public readonly string Name;
        public readonly bool IsVoid, IsRaw, IsPresentation, ClosesP, RefusedInHost, BreaksOut, IsHeading, IsSvgTextPoint, IsTableFamily, IsCustom;
        public readonly bool IsKatTable, IsKatTableRow, IsKatTableCell;

        /// <summary>The index of this name's open-element counter, or -1.</summary>
        public readonly int Counted;
    }

    private const int P = 0, Dd = 2, Dt = 3, Slot = 8, Select = 9, Body = 10;

    private abstract class Node
    {
        public Element? Parent;
    }

    /// <summary>Text, a comment or a raw text element (style, script, textarea …): a slice of the page copied as it is.</summary>
    private sealed class Slice(int start, int end) : Node
    {
        public readonly int Start = start;
        public readonly int End = end;

        /// <summary>A &lt;style&gt; or &lt;script&gt; element (left out at the top of a shadow root).</summary>
        public bool Presentation;

        /// <summary>A comment (no text in the DOM's TextContent).</summary>
        public bool IsComment;

        /// <summary>A raw text element: its slot attribute counts for slot assignment.</summary>
        public bool IsElement;
        public string? SlotAttribute;
    }

    private sealed class Element(Tag tag, int tagStart, int tagEnd) : Node
    {
        public readonly Tag Tag = tag;
        public readonly int TagStart = tagStart;
        public readonly int TagEnd = tagEnd;
        public List<Node>? Children;
        public List<Node>? Shadow;
        public bool Closed;
        public string? SlotAttribute;
        public string? NameAttribute;

        /// <summary>The template of a declarative shadow root: its children are the root's content.</summary>
        public bool IsShadowRoot;

        public void Add(Node node)
        {
            node.Parent = this;
            (Children ??= new List<Node>(2)).Add(node);
        }
    }

    private sealed class Reader(string html)
    {
        private readonly string _html = html;

        /// <summary>Defer the content of plain rows (<see cref="TryCompose(string, bool, out int, out List{DeferredRow}?)"/>).</summary>
        public bool DeferRows { get; init; }

        /// <summary>Take a template read before in the same context instead of reading it again (off only to compare, in tests).</summary>
        public bool ReuseTemplates { get; init; } = true;

        /// <summary>The rows deferred so far, by the index written in their marker.</summary>
        public List<DeferredRow> Rows { get; } = [];
        private readonly List<Tag> _open = []; // every open element, outermost first
        private readonly int[] _counts = new int[11];
        private readonly Dictionary<string, Tag>.AlternateLookup<ReadOnlySpan<char>> _tags =
            new Dictionary<string, Tag>(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly Stack<Node> _walk = new();
        private readonly List<Element> _slots = [];
        private int _position;
        private int _roots;
        private int _foreign; // <svg> elements open
        private int _textPoint; // SVG title/desc/foreignObject open: only text is accepted there
        private int _tables; // table elements open
        private int _katTables; // kat-table elements open

        // The tag just read.
        private Tag _tag = null!;
        private int _tagStart;
        private int _tagEnd;
        private bool _selfClosing;
        private bool _shadowMode;
        private string? _slot;
        private string? _nameAttribute;
        private bool _unsure;

        public int Position => _position;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public string? Run(out int roots)
        {
            roots = 0;
            var output = new StringBuilder(Math.Min(_html.Length, 8000)); // grows in chunks: no large-object-heap buffer beside the result
            var copied = 0;
            while (true)
            {
                var kind = Next(out _);
                switch (kind)
                {
                    case Token.Unsure:
                        return null;
                    case Token.Eof:
                        if (_roots == 0)
                        {
                            return null;
                        }
                        output.Append(_html, copied, _html.Length - copied);
                        roots = _roots;
                        return output.ToString();
                    case Token.Text or Token.Comment:
                        break;
                    case Token.Raw:
                        if (!Allowed(inHost: false))
                        {
                            return null;
                        }
                        break;
                    case Token.Start:
                        if (!Allowed(inHost: false))
                        {
                            return null;
                        }
                        if (!IsHost())
                        {
                            if (DeferRows && _katTables > 0 && _tag.IsKatTableRow && !InTableContext() && TryReadRow() is { } row)
                            {
                                // A row of the page's own DOM (not in a shadow root): read whole, so that it can be deferred.
                                output.Append(_html, copied, row.TagStart - copied);
                                Compose(row);
                                Write(output, row);
                                copied = _position;
                                break;
                            }
                            if (!IsVoid())
                            {
                                Push(_tag);
                            }
                            break;
                        }
                        if (InTableContext())
                        {
                            return null; // a host the tree builder would foster-parent
                        }
                        var host = new Element(_tag, _tagStart, _tagEnd) { SlotAttribute = _slot, NameAttribute = _nameAttribute };
                        if (!ReadHost(host))
                        {
                            return null;
                        }
                        output.Append(_html, copied, host.TagStart - copied);
                        Compose(host);
                        Write(output, host);
                        copied = _position;
                        break;
                    case Token.End:
                        if (_open.Count == 0 || _open[^1] != _tag)
                        {
                            return null; // an end tag the tree builder would have to repair
                        }
                        Pop();
                        break;
                }
            }
        }

        /// <summary>
        /// Reads the row whose start tag was just read (outside any host) up to its end tag, as a host's content is read;
        /// null, with the reader back where it was, when its content leaves what a host may hold (the page is then read on as before).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Element? TryReadRow()
        {
            var (position, roots, foreign, textPoint, tables, katTables) = (_position, _roots, _foreign, _textPoint, _tables, _katTables);
            var (tag, tagStart, tagEnd, selfClosing, shadowMode, slot, nameAttribute, unsure) = (_tag, _tagStart, _tagEnd, _selfClosing, _shadowMode, _slot, _nameAttribute, _unsure);
            var open = _open.Count;
            var counts = (int[])_counts.Clone();
            var row = new Element(_tag, _tagStart, _tagEnd) { SlotAttribute = _slot, NameAttribute = _nameAttribute };
            Push(_tag);
            if (_open.Count <= MaxDepth && ReadContent(row))
            {
                return row;
            }
            (_position, _roots, _foreign, _textPoint, _tables, _katTables) = (position, roots, foreign, textPoint, tables, katTables);
            (_tag, _tagStart, _tagEnd, _selfClosing, _shadowMode, _slot, _nameAttribute, _unsure) = (tag, tagStart, tagEnd, selfClosing, shadowMode, slot, nameAttribute, unsure);
            _open.RemoveRange(open, _open.Count - open);
            counts.CopyTo(_counts, 0);
            return null;
        }

        /// <summary>True when the start tag just read is a custom element whose first child (after white space) is a template.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool IsHost()
        {
            if (!_tag.IsCustom || _foreign > 0)
            {
                return false;
            }
            var i = _position;
            while (i < _html.Length && IsSpace(_html[i]))
            {
                i++;
            }
            // A template there is either this host's shadow root or refused (no other template is read), so its start is enough.
            return i + 9 < _html.Length && _html[i] == '<' && string.Compare(_html, i + 1, "template", 0, 8, StringComparison.OrdinalIgnoreCase) == 0
                && (IsSpace(_html[i + 9]) || _html[i + 9] is '>' or '/');
        }

        /// <summary>Reads a host whose start tag was just read: its shadow root, then its light children up to its end tag.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool ReadHost(Element host)
        {
            Push(host.Tag);
            var whiteStart = _position;
            while (_position < _html.Length && IsSpace(_html[_position]))
            {
                _position++;
            }
            if (_position > whiteStart)
            {
                host.Add(new Slice(whiteStart, _position)); // white space before the template is a light child
            }
            if (Next(out _) != Token.Start || _tag.Name != "template" || !_shadowMode || _unsure)
            {
                return false;
            }
            _roots++;
            var holder = new Element(_tag, _tagStart, _tagEnd) { IsShadowRoot = true };
            Push(_tag);
            if (Known(holder) is { } known)
            {
                // The same template text in the same context as one read before: the same content, without reading it again.
                holder.Children = Clone(known.Content, holder, holder.TagStart - known.Start);
                _roots += known.Roots;
                _position = holder.TagStart + known.Length;
                Pop();
            }
            else
            {
                var context = Context();
                var roots = _roots;
                if (!ReadContent(holder))
                {
                    return false;
                }
                Remember(holder, context, _roots - roots);
            }
            host.Shadow = holder.Children ?? [];
            return ReadContent(host);
        }

        /// <summary>
        /// A template read before: where its text is (from its start tag to its end tag), what the reader's state was when
        /// its content began (which decides what the strict model allows in it), the shadow roots in it and a pristine copy
        /// of its content. A Katal page repeats a few templates thousands of times (every table cell's).
        /// </summary>
        private sealed record KnownTemplate(int Start, int Length, int[] Context, int Roots, List<Node> Content);

        private readonly List<KnownTemplate> _known = [];
        private int _nextKnown;
        private const int KnownTemplates = 8;
        private const int KnownTemplateChars = 4096;

        /// <summary>What reading a template's content depends on besides its text: the open-element counters, the foreign-content state and the depth.</summary>
        private int[] Context()
        {
            var context = new int[_counts.Length + 3];
            _counts.CopyTo(context, 0);
            context[^3] = _foreign;
            context[^2] = _textPoint;
            context[^1] = _open.Count;
            return context;
        }

        private bool SameContext(int[] context)
        {
            if (context[^3] != _foreign || context[^2] != _textPoint || context[^1] != _open.Count)
            {
                return false;
            }
            return _counts.AsSpan().SequenceEqual(context.AsSpan(0, _counts.Length));
        }

        /// <summary>A template read before whose text is the text at <paramref name="holder"/>'s start tag, read in the same context; else null.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private KnownTemplate? Known(Element holder)
        {
            if (!ReuseTemplates)
            {
                return null;
            }
            foreach (var known in _known)
            {
                if (holder.TagStart + known.Length <= _html.Length && SameContext(known.Context)
                    && _html.AsSpan(holder.TagStart, known.Length).SequenceEqual(_html.AsSpan(known.Start, known.Length)))
                {
                    return known;
                }
            }
            return null;
        }

        private void Remember(Element holder, int[] context, int roots)
        {
            var length = _position - holder.TagStart;
            if (length > KnownTemplateChars)
            {
                return;
            }
            var known = new KnownTemplate(holder.TagStart, length, context, roots, Clone(holder.Children ?? [], null, 0));
            if (_known.Count < KnownTemplates)
            {
                _known.Add(known);
            }
            else
            {
                _known[_nextKnown] = known;
                _nextKnown = (_nextKnown + 1) % KnownTemplates;
            }
        }

        /// <summary>A deep copy of nodes not yet composed (children and shadow roots), their page positions moved by <paramref name="delta"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static List<Node> Clone(List<Node> nodes, Element? parent, int delta)
        {
            var copies = new List<Node>(nodes.Count);
            foreach (var node in nodes)
            {
                Node copy = node switch
                {
                    Slice slice => new Slice(slice.Start + delta, slice.End + delta)
                    {
                        Presentation = slice.Presentation, IsComment = slice.IsComment, IsElement = slice.IsElement, SlotAttribute = slice.SlotAttribute,
                    },
                    Element element => Clone(element, delta),
                    _ => throw new InvalidOperationException("A node is a slice or an element."),
                };
                copy.Parent = parent;
                copies.Add(copy);
            }
            return copies;
        }

        private static Element Clone(Element element, int delta)
        {
            var copy = new Element(element.Tag, element.TagStart + delta, element.TagEnd + delta)
            {
                Closed = element.Closed, SlotAttribute = element.SlotAttribute, NameAttribute = element.NameAttribute, IsShadowRoot = element.IsShadowRoot,
            };
            if (element.Children is { } children)
            {
                copy.Children = Clone(children, copy, delta);
            }
            if (element.Shadow is { } shadow)
            {
                copy.Shadow = Clone(shadow, null, delta);
            }
            return copy;
        }

        /// <summary>Reads the children of <paramref name="container"/> (open, on the stack) up to and including its end tag.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool ReadContent(Element container)
        {
            var current = container;
            while (true)
            {
                var kind = Next(out var start);
                switch (kind)
                {
                    case Token.Unsure or Token.Eof:
                        return false;
                    case Token.Text or Token.Comment:
                        current.Add(new Slice(start, _position) { IsComment = kind == Token.Comment });
                        break;
                    case Token.Raw:
                        if (!Allowed(inHost: true))
                        {
                            return false;
                        }
                        if (_tag.IsPresentation && current.IsShadowRoot)
                        {
                            break; // a shadow root's own style or script: left out when composing (Flatten), so not kept at all
                        }
                        current.Add(new Slice(start, _position) { Presentation = _tag.IsPresentation, IsElement = true, SlotAttribute = _slot });
                        break;
                    case Token.Start:
                    {
                        if (!Allowed(inHost: true))
                        {
                            return false;
                        }
                        var element = new Element(_tag, _tagStart, _tagEnd) { SlotAttribute = _slot, NameAttribute = _nameAttribute };
                        current.Add(element);
                        if (IsHost())
                        {
                            if (_open.Count >= MaxDepth || !ReadHost(element))
                            {
                                return false;
                            }
                        }
                        else if (!IsVoid())
                        {
                            Push(_tag);
                            if (_open.Count > MaxDepth)
                            {
                                return false;
                            }
                            current = element;
                        }
                        break;
                    }
                    case Token.End:
                        if (_open[^1] != _tag)
                        {
                            return false;
                        }
                        Pop();
                        current.Closed = true;
                        if (current == container)
                        {
                            return true;
                        }
                        current = current.Parent!;
                        break;
                }
            }
        }

        /// <summary>
        /// Whether the start tag just read keeps the strict model: nothing the tree builder would close, move, ignore
        /// or treat specially. <paramref name="inHost"/>: within a host (stricter: no table, select, template, pre …).
        /// </summary>
        private bool Allowed(bool inHost)
        {
            if (_unsure)
            {
                return false;
            }
            var tag = _tag;
            if (_foreign > 0)
            {
                if (_textPoint > 0 || tag.BreaksOut || (tag.Name == "font" && _html.AsSpan(_tagStart, _tagEnd - _tagStart).Contains('=')))
                {
                    return false;
                }
                return true;
            }
            if (tag.ClosesP && _counts[P] > 0)
            {
                return false; // the tree builder would close the <p>
            }
            if (tag.IsHeading && _open.Count > 0 && _open[^1].IsHeading)
            {
                return false;
            }
            if (tag.Counted is >= 0 and < Select && _counts[tag.Counted] > 0 || tag.Counted == Dd && _counts[Dt] > 0 || tag.Counted == Dt && _counts[Dd] > 0)
            {
                return false; // a second one inside the first: closed, adopted or ignored by the tree builder (or a slot in a slot)
            }
            if (_counts[Select] > 0)
            {
                return false;
            }
            if (inHost && tag.RefusedInHost)
            {
                return false;
            }
            if (!inHost && (tag.Name is "template" or "plaintext" or "math" or "frameset" or "select" or "option" or "optgroup"
                || tag.Name == "noscript" && _counts[Body] == 0))
            {
                return false;
            }
            return true;
        }

        /// <summary>Whether the start tag just read opens nothing (a void HTML element, a self-closed one in SVG, an &lt;svg/&gt;).</summary>
        private bool IsVoid() => _foreign > 0 || _tag.Name == "svg" ? _selfClosing : _tag.IsVoid;

        /// <summary>True when the nearest table element open is one whose children the tree builder constrains (not a cell or caption).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool InTableContext()
        {
            if (_tables == 0)
            {
                return false;
            }
            for (var i = _open.Count - 1; i >= 0; i--)
            {
                switch (_open[i].Name)
                {
                    case "td" or "th" or "caption":
                        return false;
                    case "table" or "tbody" or "thead" or "tfoot" or "tr" or "colgroup":
                        return true;
                }
            }
            return false;
        }

        private void Push(Tag tag)
        {
            _open.Add(tag);
            Count(tag, +1);
        }

        private void Pop()
        {
            var tag = _open[^1];
            _open.RemoveAt(_open.Count - 1);
            Count(tag, -1);
        }

        private void Count(Tag tag, int delta)
        {
            if (tag.Counted >= 0)
            {
                _counts[tag.Counted] += delta;
            }
            if (tag.IsTableFamily)
            {
                _tables += delta;
            }
            if (tag.IsKatTable)
            {
                _katTables += delta;
            }
            if (tag.Name == "svg")
            {
                _foreign += delta;
            }
            else if (_foreign > 0 && tag.IsSvgTextPoint)
            {
                _textPoint += delta;
            }
        }

        private enum Token { Eof, Text, Comment, Start, End, Raw, Unsure }

        /// <summary>Reads the next token; <paramref name="start"/> is where it begins, <see cref="_position"/> moves after it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Token Next(out int start)
        {
            var html = _html;
            start = _position;
            if (_position >= html.Length)
            {
                return Token.Eof;
            }
            if (html[_position] != '<' || !IsMarkupStart(_position))
            {
                var i = _position + 1;
                while (true)
                {
                    i = html.IndexOf('<', i);
                    if (i < 0)
                    {
                        i = html.Length;
                        break;
                    }
                    if (IsMarkupStart(i))
                    {
                        break;
                    }
                    i++;
                }
                _position = i;
                return Token.Text;
            }
            var next = html[_position + 1];
            if (next == '!')
            {
                if (string.CompareOrdinal(html, _position, "<!--", 0, 4) == 0)
                {
                    var end = ShadowStyles.CommentEnd(html, _position + 4);
                    if (end < 0)
                    {
                        return Token.Unsure;
                    }
                    _position = end;
                    return Token.Comment;
                }
                if (_open.Count > 0 || string.Compare(html, _position, "<!doctype", 0, 9, StringComparison.OrdinalIgnoreCase) != 0)
                {
                    return Token.Unsure; // a CDATA section, a bogus comment, or a doctype where it would be ignored
                }
                var close = html.IndexOf('>', _position);
                if (close < 0)
                {
                    return Token.Unsure;
                }
                _position = close + 1;
                return Token.Comment;
            }
            if (next == '?')
            {
                return Token.Unsure; // a bogus comment: rare, not modelled
            }
            if (next == '/')
            {
                return ReadTag(_position + 2) && !(_selfClosing && _foreign == 0) ? Token.End : Token.Unsure;
            }
            if (!ReadTag(_position + 1))
            {
                return Token.Unsure;
            }
            if (_foreign == 0 && _tag.IsRaw)
            {
                var end = ShadowStyles.RawTextEnd(html, _position, _tag.Name);
                if (end < 0 || (_tag.Name == "script" && html.AsSpan(_position, end - _position).Contains("<!--", StringComparison.Ordinal)))
                {
                    return Token.Unsure;
                }
                _position = end;
                return Token.Raw;
            }
            return Token.Start;
        }

        /// <summary>True when the "&lt;" at <paramref name="i"/> starts markup (a tag, an end tag, a comment …), not text.</summary>
        private bool IsMarkupStart(int i)
        {
            if (i + 1 >= _html.Length)
            {
                return false;
            }
            var c = _html[i + 1];
            return char.IsAsciiLetter(c) || c is '!' or '?' || c == '/' && i + 2 < _html.Length && (char.IsAsciiLetter(_html[i + 2]) || _html[i + 2] == '>');
        }

        /// <summary>Reads a tag whose name starts at <paramref name="at"/> into the tag fields; false when the page ends inside it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool ReadTag(int at)
        {
            var html = _html;
            _tagStart = html[at - 1] == '/' ? at - 2 : at - 1;
            if (at >= html.Length || !char.IsAsciiLetter(html[at]))
            {
                return false;
            }
            var i = at;
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>'))
            {
                i++;
            }
            var span = html.AsSpan(at, i - at);
            if (span.ContainsAny('\0', '"', '\'') || span.ContainsAny('<', '='))
            {
                return false;
            }
            if (!_tags.TryGetValue(span, out var tag))
            {
                var name = span.ToString().ToLowerInvariant();
                tag = new Tag(name);
                _tags[name] = tag;
            }
            _tag = tag;
            _selfClosing = false;
            _shadowMode = false;
            _slot = null;
            _nameAttribute = null;
            _unsure = false;
            var seen = 0; // which of shadowrootmode (1), slot (2), name (4) were seen: the first one counts
            while (i < html.Length)
            {
                var c = html[i];
                if (c == '>')
                {
                    _tagEnd = i + 1;
                    _position = i + 1;
                    return true;
                }
                if (IsSpace(c))
                {
                    i++;
                    continue;
                }
                if (c == '/')
                {
                    i++;
                    _selfClosing = i < html.Length && html[i] == '>';
                    continue;
                }
                var nameStart = i;
                i++; // the first character belongs to the name even if it is "="
                while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>' or '='))
                {
                    i++;
                }
                var attribute = html.AsSpan(nameStart, i - nameStart);
                var which = attribute.Length switch
                {
                    14 when attribute.Equals("shadowrootmode", StringComparison.OrdinalIgnoreCase) => 1,
                    4 when attribute.Equals("slot", StringComparison.OrdinalIgnoreCase) => 2,
                    4 when attribute.Equals("name", StringComparison.OrdinalIgnoreCase) => 4,
                    _ => 0,
                };
                if (attribute.ContainsAny('"', '\'', '<'))
                {
                    _unsure = true;
                }
                if (!ShadowStyles.ReadAttributeValue(html, ref i, out var valueStart, out var valueEnd))
                {
                    return false;
                }
                if (which == 0 || (seen & which) != 0)
                {
                    continue;
                }
                seen |= which;
                var value = html.AsSpan(valueStart, valueEnd - valueStart);
                if (value.Contains('&'))
                {
                    _unsure = true; // a character reference: the value the DOM holds differs from the text
                }
                switch (which)
                {
                    case 1:
                        _shadowMode = value.Equals("open", StringComparison.OrdinalIgnoreCase) || value.Equals("closed", StringComparison.OrdinalIgnoreCase);
                        _unsure |= !_shadowMode; // another value: the DOM keeps a template
                        break;
                    case 2:
                        _slot = value.ToString();
                        break;
                    default:
                        _nameAttribute = value.ToString();
                        break;
                }
            }
            return false;
        }

        /// <summary>Composes a host and every host in it, top-down, as <see cref="ComposedDocument"/> does on the DOM.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Compose(Element root)
        {
            var stack = _walk;
            stack.Clear();
            stack.Push(root);
            while (stack.Count > 0)
            {
                if (stack.Pop() is not Element element)
                {
                    continue;
                }
                if (element.Shadow is { } shadow)
                {
                    element.Shadow = null;
                    Flatten(element, shadow);
                }
                if (element.Children is { } children)
                {
                    for (var i = children.Count - 1; i >= 0; i--)
                    {
                        stack.Push(children[i]);
                    }
                }
            }
        }

        /// <summary>The shadow tree takes the host's place, light children go into their slots (mirrors ComposedDocument.Flatten).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Flatten(Element host, List<Node> shadow)
        {
            var light = host.Children;
            var composed = shadow; // the shadow list becomes the host's children: no second list
            composed.RemoveAll(static node => node is Slice { Presentation: true });
            foreach (var node in composed)
            {
                node.Parent = host;
            }
            host.Children = composed;
            if (light is null)
            {
                return;
            }
            var slots = Slots(composed);
            bool[]? assigned = null;
            if (slots.Count > 0)
            {
                if (_assigned.Length < light.Count)
                {
                    _assigned = new bool[Math.Max(light.Count, _assigned.Length * 2)];
                }
                assigned = _assigned;
                Array.Clear(assigned, 0, light.Count);
            }
            var matching = _matching;
            foreach (var slot in slots)
            {
                var name = slot.NameAttribute ?? "";
                var parent = slot.Parent!;
                matching.Clear();
                for (var i = 0; i < light.Count; i++)
                {
                    if (!assigned![i] && SlotName(light[i]) == name)
                    {
                        assigned[i] = true;
                        light[i].Parent = parent;
                        matching.Add(light[i]);
                    }
                }
                if (matching.Count == 0)
                {
                    continue; // no light child for it: the slot keeps its fallback content
                }
                // One splice, not an insert per node (a slot can take thousands of rows).
                var at = parent.Children!.IndexOf(slot);
                if (matching.Count == 1)
                {
                    parent.Children[at] = matching[0];
                    continue;
                }
                parent.Children.RemoveAt(at);
                parent.Children.InsertRange(at, matching);
            }
            for (var i = 0; i < light.Count; i++)
            {
                if (assigned is null || !assigned[i])
                {
                    light[i].Parent = host;
                    composed.Add(light[i]);
                }
            }
        }

        private bool[] _assigned = new bool[16]; // which light children a slot took (Flatten), reused
        private readonly List<Node> _matching = []; // the light children one slot takes (Flatten), reused

        /// <summary>The &lt;slot&gt; elements among <paramref name="nodes"/> and their descendants, in document order (not inside other hosts' shadow roots; a slot in a slot is refused when reading).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private List<Element> Slots(List<Node> nodes)
        {
            var slots = _slots;
            slots.Clear();
            var stack = _walk;
            var bottom = stack.Count;
            for (var i = nodes.Count - 1; i >= 0; i--)
            {
                stack.Push(nodes[i]);
            }
            while (stack.Count > bottom)
            {
                if (stack.Pop() is not Element element)
                {
                    continue;
                }
                if (element.Tag.Counted == Slot)
                {
                    slots.Add(element);
                    continue;
                }
                if (element.Children is { } children)
                {
                    for (var i = children.Count - 1; i >= 0; i--)
                    {
                        stack.Push(children[i]);
                    }
                }
            }
            return slots;
        }

        private static string SlotName(Node node) => node switch
        {
            Element e => e.SlotAttribute ?? "",
            Slice { IsElement: true } s => s.SlotAttribute ?? "",
            _ => "",
        };

        /// <summary>
        /// Writes a composed host: start tags and slices as the page wrote them, an end tag for each element that had one.
        /// With <see cref="DeferRows"/>, a plain row inside a kat-table is written empty, with its marker (<see cref="TryDefer"/>).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Write(StringBuilder output, Element root)
        {
            var stack = new Stack<(Node Node, bool Closing)>();
            stack.Push((root, false));
            var katTables = 0; // kat-table elements open around the node written (outside the host too)
            if (DeferRows)
            {
                foreach (var tag in _open)
                {
                    katTables += tag.IsKatTable ? 1 : 0;
                }
            }
            while (stack.Count > 0)
            {
                var (node, closing) = stack.Pop();
                if (node is Slice slice)
                {
                    output.Append(_html, slice.Start, slice.End - slice.Start);
                    continue;
                }
                var element = (Element)node;
                if (closing)
                {
                    katTables -= element.Tag.IsKatTable ? 1 : 0;
                    output.Append("</").Append(element.Tag.Name).Append('>');
                    continue;
                }
                if (DeferRows && katTables > 0 && element.Tag.IsKatTableRow && element.Closed && TryDefer(element) is { } row)
                {
                    // <kat-table-row data-refully-row="N" …the page's attributes…></kat-table-row>
                    var nameEnd = element.TagStart + 1 + element.Tag.Name.Length;
                    output.Append(_html, element.TagStart, nameEnd - element.TagStart).Append(' ').Append(DeferredRows.Marker).Append("=\"")
                        .Append(Rows.Count).Append('"').Append(_html, nameEnd, element.TagEnd - nameEnd).Append("</").Append(element.Tag.Name).Append('>');
                    Rows.Add(row);
                    continue;
                }
                if (element.Closed)
                {
                    katTables += element.Tag.IsKatTable ? 1 : 0;
                }
                output.Append(_html, element.TagStart, element.TagEnd - element.TagStart);
                if (element.Closed)
                {
                    stack.Push((element, true));
                }
                if (element.Children is { } children)
                {
                    for (var i = children.Count - 1; i >= 0; i--)
                    {
                        stack.Push((children[i], false));
                    }
                }
            }
        }

        /// <summary>
        /// Reads a composed row's content when it is plain (<see cref="DeferredRows"/>): its cells' texts exactly as the DOM's
        /// TextContent would give them and its depth below the row; null when the row must be written and parsed as it is.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private DeferredRow? TryDefer(Element row)
        {
            if (_html.AsSpan(row.TagStart, row.TagEnd - row.TagStart).Contains(DeferredRows.Marker, StringComparison.OrdinalIgnoreCase))
            {
                return null; // the page's own attribute of that name would be the one the DOM keeps
            }
            var cells = new List<string>(16);
            var stack = _rowWalk;
            stack.Clear();
            _openCells = 0;
            var depth = 0;
            Push(stack, row, 1);
            while (stack.Count > 0)
            {
                var (node, level, closing) = stack.Pop();
                if (closing)
                {
                    var cell = _cells[--_openCells];
                    cells[cell.Index] = cell.Text?.ToString() ?? (cell.Start < 0 ? "" : _html.Substring(cell.Start, cell.End - cell.Start));
                    continue;
                }
                depth = Math.Max(depth, level);
                if (node is Slice slice)
                {
                    if (slice.IsElement)
                    {
                        return null; // script, style, textarea …: their text would count, in their own way
                    }
                    if (!slice.IsComment && !AppendText(slice))
                    {
                        return null;
                    }
                    continue;
                }
                var element = (Element)node;
                var tag = element.Tag;
                if (tag.IsKatTable || tag.IsKatTableRow || tag.IsHeading
                    || _html.AsSpan(element.TagStart, element.TagEnd - element.TagStart).Contains("heading", StringComparison.OrdinalIgnoreCase))
                {
                    return null; // a table or row of its own, or what the page's headings are read from
                }
                if (tag.IsKatTableCell)
                {
                    if (_openCells == _cells.Count)
                    {
                        _cells.Add(new OpenCell());
                    }
                    _cells[_openCells++].Open(cells.Count);
                    cells.Add("");
                    stack.Push((element, level, true));
                }
                Push(stack, element, level + 1);
            }
            var html = _html;
            return new DeferredRow(cells, depth, () => RowText(html, row));
        }

        private readonly Stack<(Node Node, int Depth, bool Closing)> _rowWalk = new();
        private readonly List<OpenCell> _cells = []; // the cells open while a row is read (nested ones too), reused
        private int _openCells;
        private readonly StringBuilder _decoded = new();

        /// <summary>A cell being read: its text is one slice of the page (no copy until it is done) or, once it has more, a builder.</summary>
        private sealed class OpenCell
        {
            public int Index;
            public int Start;
            public int End;
            public StringBuilder? Text;

            public void Open(int index)
            {
                Index = index;
                Start = -1;
                End = -1;
                Text = null;
            }

            public void Append(string html, int start, int end)
            {
                if (Text is null && Start < 0)
                {
                    (Start, End) = (start, end);
                    return;
                }
                Builder(html).Append(html, start, end - start);
            }

            public void Append(string html, StringBuilder decoded) => Builder(html).Append(decoded);

            private StringBuilder Builder(string html)
            {
                if (Text is null)
                {
                    Text = new StringBuilder();
                    if (Start >= 0)
                    {
                        Text.Append(html, Start, End - Start);
                    }
                }
                return Text;
            }
        }

        private static void Push(Stack<(Node Node, int Depth, bool Closing)> stack, Element parent, int depth)
        {
            if (parent.Children is { } children)
            {
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push((children[i], depth, false));
                }
            }
        }

        /// <summary>Appends a text slice, as the DOM holds it, to every open cell; false when the text is not certain (see <see cref="Decode"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool AppendText(Slice slice)
        {
            var text = _html.AsSpan(slice.Start, slice.End - slice.Start);
            if (text.IndexOfAny('&', '\r', '\0') < 0)
            {
                for (var i = 0; i < _openCells; i++)
                {
                    _cells[i].Append(_html, slice.Start, slice.End);
                }
                return true;
            }
            _decoded.Clear();
            if (!Decode(text, _decoded))
            {
                return false;
            }
            for (var i = 0; i < _openCells; i++)
            {
                _cells[i].Append(_html, _decoded);
            }
            return true;
        }

        /// <summary>All text of a deferred row (its TextContent), read again from the page when asked.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static string RowText(string html, Element row)
        {
            var text = new StringBuilder();
            var stack = new Stack<Node>();
            stack.Push(row);
            while (stack.Count > 0)
            {
                switch (stack.Pop())
                {
                    case Slice { IsComment: false, IsElement: false } slice:
                        Decode(html.AsSpan(slice.Start, slice.End - slice.Start), text); // certain: TryDefer decoded it before
                        break;
                    case Element { Children: { } children }:
                        for (var i = children.Count - 1; i >= 0; i--)
                        {
                            stack.Push(children[i]);
                        }
                        break;
                }
            }
            return text.ToString();
        }
    }

    /// <summary>
    /// Appends page text as the HTML parser turns it into a text node, for the character references every serializer
    /// writes (&amp;amp; &amp;lt; &amp;gt; &amp;quot; &amp;apos; &amp;nbsp;, and &amp;#…; / &amp;#x…; of an ordinary character) and a
    /// "&amp;" before white space or at the end of the text. False for anything whose result depends on more of HTML's rules (other named
    /// references, a reference without its ";", C1 or control code points, carriage returns, NUL): the row is then
    /// parsed as it is.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool Decode(ReadOnlySpan<char> text, StringBuilder output)
    {
        while (text.Length > 0)
        {
            var at = text.IndexOfAny('&', '\r', '\0');
            if (at < 0)
            {
                output.Append(text);
                return true;
            }
            output.Append(text[..at]);
            if (text[at] != '&')
            {
                return false;
            }
            text = text[(at + 1)..];
            if (text.Length == 0 || text[0] is ' ' or '\t' or '\n' or '\f')
            {
                output.Append('&'); // not a character reference: the "&" stays (before anything else, parsers differ: AngleSharp drops the ";" of "&;")
                continue;
            }
            var end = text.IndexOf(';');
            if (end < 0 || end > 10)
            {
                return false;
            }
            var name = text[..end];
            text = text[(end + 1)..];
            switch (name)
            {
                case "amp":
                    output.Append('&');
                    continue;
                case "lt":
                    output.Append('<');
                    continue;
                case "gt":
                    output.Append('>');
                    continue;
                case "quot":
                    output.Append('"');
                    continue;
                case "apos":
                    output.Append('\'');
                    continue;
                case "nbsp":
                    output.Append('\u00A0');
                    continue;
            }
            if (name.Length < 2 || name[0] != '#')
            {
                return false;
            }
            var hex = name[1] is 'x' or 'X';
            var digits = name[(hex ? 2 : 1)..];
            if (digits.Length is 0 or > 7 || !int.TryParse(digits, hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                return false;
            }
            if (code is < 0x20 and not ('\t' or '\n') || code is >= 0x7F and <= 0x9F || code is >= 0xD800 and <= 0xDFFF || code > 0x10FFFF
                || code is >= 0xFDD0 and <= 0xFDEF || (code & 0xFFFE) == 0xFFFE)
            {
                return false; // replaced, remapped or a parse error with its own rule
            }
            if (code < 0x10000)
            {
                output.Append((char)code);
            }
            else
            {
                output.Append(char.ConvertFromUtf32(code));
            }
        }
        return true;
    }

    /// <summary>A custom element name (the hosts Katal uses), not one of the reserved hyphenated SVG/MathML names.</summary>
    private static bool IsCustom(string name) => name.Contains('-') && char.IsAsciiLetterLower(name[0])
        && name is not ("annotation-xml" or "color-profile" or "font-face" or "font-face-src" or "font-face-uri" or "font-face-format" or "font-face-name" or "missing-glyph");

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';
}
