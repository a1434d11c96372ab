namespace Refully.Companion.Reports.Core;

/// <summary>A file's header row: normalised header text → column index (0-based).</summary>
public sealed class HeaderMap
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public HeaderMap(IReadOnlyList<string> headers)
    {
        Headers = headers;
        for (var i = 0; i < headers.Count; i++)
        {
            _index.TryAdd(Normalize(headers[i]), i);
        }
    }

    public IReadOnlyList<string> Headers { get; }

    public int Count => Headers.Count;

    public bool Contains(string header) => _index.ContainsKey(Normalize(header));

    /// <summary>The index of the first of <paramref name="column"/>'s header texts present, or -1.</summary>
    public int IndexOf(ReportColumn column)
    {
        foreach (var header in column.Headers)
        {
            if (_index.TryGetValue(Normalize(header), out var i))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Lower case, without BOM, quotes, spaces, dashes, underscores, dots or colons: "Reference ID" = "reference-id".</summary>
    public static string Normalize(string header)
    {
        Span<char> buffer = header.Length <= 256 ? stackalloc char[header.Length] : new char[header.Length];
        var n = 0;
        foreach (var c in header)
        {
            if (c is ' ' or '-' or '_' or '"' or '\uFEFF' or '\u00A0' or '\u3000' or '.' or ':' or '\t')
            {
                continue;
            }
            buffer[n++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..n]);
    }
}
