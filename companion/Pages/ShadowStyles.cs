using System.Text;

namespace Refully.Companion.Pages;

/// <summary>
/// A textual pass before parsing that drops the &lt;style&gt; and &lt;script&gt; elements a declarative shadow root
/// starts with (<c>&lt;template shadowrootmode="open"&gt;&lt;style&gt;…&lt;/style&gt;</c>): composing leaves a shadow
/// root's own style and script out anyway (<see cref="ComposedDocument"/>), and Katal ships one per component,
/// so on a captured table they are most of the HTML (about 60% of a 2 MB ledger page) and most of the parsing time.
/// The scan is a small HTML tokenizer: comments, raw text (script, style, textarea, title …) and foreign content
/// (svg, math) are skipped, attribute values may hold "&gt;". Whenever it is unsure (a script with "&lt;!--", an
/// unterminated element, plaintext) it gives the page back unchanged, which is always correct, only slower.
/// </summary>
public static class ShadowStyles
{
    private static readonly string[] RawText = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

    public static string Strip(string html)
    {
        if (html.IndexOf("shadowrootmode", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return html;
        }
        StringBuilder? output = null;
        var copied = 0;
        var foreign = 0; // depth of <svg>/<math>: nothing is touched inside
        var i = 0;
        while (true)
        {
            i = html.IndexOf('<', i);
            if (i < 0 || i + 1 >= html.Length)
            {
                break;
            }
            var next = html[i + 1];
            if (next == '!')
            {
                if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
                {
                    var end = CommentEnd(html, i + 4);
                    if (end < 0)
                    {
                        return html;
                    }
                    i = end;
                }
                else
                {
                    var end = html.IndexOf('>', i);
                    if (end < 0)
                    {
                        return html;
                    }
                    i = end + 1;
                }
                continue;
            }
            if (next == '?')
            {
                var end = html.IndexOf('>', i);
                if (end < 0)
                {
                    return html;
                }
                i = end + 1;
                continue;
            }
            var closing = next == '/';
            var tag = ReadTag(html, closing ? i + 2 : i + 1);
            if (tag is null)
            {
                if (closing)
                {
                    // "</" without a name: a bogus comment up to the next ">".
                    var end = html.IndexOf('>', i);
                    if (end < 0)
                    {
                        return html;
                    }
                    i = end + 1;
                    continue;
                }
                i++;
                continue;
            }
            var (name, hasShadowMode, after) = tag.Value;
            if (after < 0)
            {
                return html; // a tag the page never closes
            }
            if (closing)
            {
                if (foreign > 0 && name is "svg" or "math")
                {
                    foreign--;
                }
                i = after;
                continue;
            }
            if (name is "svg" or "math")
            {
                foreign++;
                i = after;
                continue;
            }
            if (name == "plaintext")
            {
                break; // the rest is text: nothing more to strip
            }
            if (foreign == 0 && Array.IndexOf(RawText, name) >= 0)
            {
                var end = RawTextEnd(html, after, name);
                if (end < 0 || (name == "script" && html.AsSpan(after, end - after).Contains("<!--", StringComparison.Ordinal)))
                {
                    return html; // unterminated, or script escape states: not worth modelling
                }
                i = end;
                continue;
            }
            i = after;
            if (foreign > 0 || name != "template" || !hasShadowMode)
            {
                continue;
            }
            // The shadow root's first children: white space stays, leading style/script elements go.
            while (true)
            {
                var j = i;
                while (j < html.Length && html[j] is ' ' or '\t' or '\n' or '\f' or '\r')
                {
                    j++;
                }
                if (j + 1 >= html.Length || html[j] != '<' || ReadTag(html, j + 1) is not { } inner || inner.Name is not ("style" or "script"))
                {
                    break;
                }
                if (inner.After < 0)
                {
                    return html;
                }
                var end = RawTextEnd(html, inner.After, inner.Name);
                if (end < 0 || (inner.Name == "script" && html.AsSpan(inner.After, end - inner.After).Contains("<!--", StringComparison.Ordinal)))
                {
                    return html;
                }
                output ??= new StringBuilder(html.Length);
                output.Append(html, copied, j - copied);
                copied = end;
                i = end;
            }
        }
        if (output is null)
        {
            return html;
        }
        output.Append(html, copied, html.Length - copied);
        return output.ToString();
    }

    /// <summary>
    /// Reads a tag whose name starts at <paramref name="start"/>: its lower-case name (if <see cref="Known"/>), whether it has a shadowrootmode
    /// attribute, and the index after its "&gt;" (-1 when the page ends first). Null when no letter starts a name.
    /// </summary>
    private static (string Name, bool HasShadowMode, int After)? ReadTag(string html, int start)
    {
        if (start >= html.Length || !char.IsAsciiLetter(html[start]))
        {
            return null;
        }
        var i = start;
        while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>'))
        {
            i++;
        }
        var name = Known(html.AsSpan(start, i - start));
        var shadowMode = false;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                return (name, shadowMode, i + 1);
            }
            if (IsSpace(c) || c == '/')
            {
                i++;
                continue;
            }
            var nameStart = i;
            i++; // the first character belongs to the name even if it is "="
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>' or '='))
            {
                i++;
            }
            shadowMode |= html.AsSpan(nameStart, i - nameStart).Equals("shadowrootmode", StringComparison.OrdinalIgnoreCase);
            if (!ReadAttributeValue(html, ref i, out _, out _))
            {
                return (name, shadowMode, -1);
            }
        }
        return (name, shadowMode, -1);
    }

    /// <summary>
    /// Reads what follows an attribute name ending at <paramref name="i"/>: white space, then "=" and a quoted or unquoted
    /// value if there is one (<paramref name="valueStart"/>..<paramref name="valueEnd"/>, empty without). <paramref name="i"/>
    /// moves after it. False when a quote is never closed (the page ends inside the tag).
    /// </summary>
    internal static bool ReadAttributeValue(string html, ref int i, out int valueStart, out int valueEnd)
    {
        while (i < html.Length && IsSpace(html[i]))
        {
            i++;
        }
        valueStart = valueEnd = i;
        if (i >= html.Length || html[i] != '=')
        {
            return true;
        }
        i++;
        while (i < html.Length && IsSpace(html[i]))
        {
            i++;
        }
        if (i < html.Length && html[i] is '"' or '\'')
        {
            var close = html.IndexOf(html[i], i + 1);
            if (close < 0)
            {
                return false;
            }
            valueStart = i + 1;
            valueEnd = close;
            i = close + 1;
            return true;
        }
        valueStart = i;
        while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
        {
            i++;
        }
        valueEnd = i;
        return true;
    }

    /// <summary>The index after the end tag of a raw text element whose content starts at <paramref name="from"/>, or -1.</summary>
    internal static int RawTextEnd(string html, int from, string name)
    {
        var i = from;
        while (true)
        {
            i = html.IndexOf("</", i, StringComparison.Ordinal);
            if (i < 0)
            {
                return -1;
            }
            var after = i + 2 + name.Length;
            if (after < html.Length && string.Compare(html, i + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (IsSpace(html[after]) || html[after] is '/' or '>'))
            {
                return ReadTag(html, i + 2) is { After: var end } ? end : -1;
            }
            i += 2;
        }
    }

    /// <summary>The index after a comment whose text starts at <paramref name="from"/> ("--&gt;", "--!&gt;", or the abrupt "&lt;!--&gt;", "&lt;!---&gt;"), or -1.</summary>
    internal static int CommentEnd(string html, int from)
    {
        if (from < html.Length && html[from] == '>')
        {
            return from + 1;
        }
        if (from + 1 < html.Length && html[from] == '-' && html[from + 1] == '>')
        {
            return from + 2;
        }
        for (var i = from; i + 2 < html.Length; i++)
        {
            if (html[i] == '-' && html[i + 1] == '-')
            {
                if (html[i + 2] == '>')
                {
                    return i + 3;
                }
                if (i + 3 < html.Length && html[i + 2] == '!' && html[i + 3] == '>')
                {
                    return i + 4;
                }
            }
        }
        return -1;
    }

    private static readonly string[] Names = [.. RawText, "template", "svg", "math", "plaintext"];

    /// <summary>The lower-case name when it is one the scan cares about, else "" (no string per tag).</summary>
    private static string Known(ReadOnlySpan<char> name)
    {
        if (name.Length > 9)
        {
            return "";
        }
        foreach (var known in Names)
        {
            if (name.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }
        return "";
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';
}
