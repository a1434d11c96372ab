namespace Refully.Companion.Reports.Core;

/// <summary>A reader whose required columns were all found in a header row.</summary>
public sealed record Recognition(ITabularReportReader Reader, HeaderMap Headers);

/// <summary>The reader that came closest to a header row that no reader took, and the columns it lacked.</summary>
public sealed record NearMiss(ITabularReportReader Reader, int Matched, IReadOnlyList<string> Missing)
{
    public string Describe() =>
        $"not a known report: closest is {Reader.Report} ({Matched} of {Matched + Missing.Count} required columns; missing columns: {string.Join(", ", Missing)})";
}

/// <summary>Header-based recognition over the ordered registry: the first reader whose required columns are all present (and that accepts the header) wins.</summary>
public sealed class ReportRecognizer(IReadOnlyList<ITabularReportReader> readers)
{
    public IReadOnlyList<ITabularReportReader> Readers { get; } = readers;

    public Recognition? Recognize(HeaderMap headers)
    {
        foreach (var reader in Readers)
        {
            if (reader.Columns.Where(c => c.Required).All(c => headers.IndexOf(c) >= 0) && reader.Accepts(headers))
            {
                return new Recognition(reader, headers);
            }
        }
        return null;
    }

    /// <summary>The reader with the most required columns present (first in order on a tie), or null when none has any.</summary>
    public NearMiss? Closest(HeaderMap headers)
    {
        NearMiss? best = null;
        foreach (var reader in Readers)
        {
            var required = reader.Columns.Where(c => c.Required).ToList();
            var matched = required.Count(c => headers.IndexOf(c) >= 0);
            var missing = required.Count - matched;
            if (matched > 0 && (best is null || matched > best.Matched || (matched == best.Matched && missing < best.Missing.Count)))
            {
                best = new NearMiss(reader, matched, required.Where(c => headers.IndexOf(c) < 0).Select(c => c.Headers[0]).ToList());
            }
        }
        return best;
    }
}
