using AngleSharp.Dom;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Pages.Parsers;

/// <summary>
/// One Seller Central page type: what it matches (URL pattern, then a DOM check that may say "not this page
/// after all") and the records it reads, the same domain records the report readers produce.
/// </summary>
public interface IPageParser
{
    PageKind Kind { get; }

    bool MatchesUrl(Uri url);

    /// <summary>
    /// True when <see cref="MatchesDom"/> and <see cref="Parse"/> read the document through <see cref="PageTables"/>
    /// alone: such a parser may get a document with deferred rows (<see cref="DeferredRows"/>).
    /// </summary>
    bool ReadsTablesOnly { get; }

    bool MatchesDom(IDocument document);

    PageParse Parse(IDocument document, Uri url, string? marketplace);
}

/// <summary>How stored records of a page meet the same record already stored (same natural key + occurrence).</summary>
public enum PageFacts
{
    /// <summary>Past facts (ledger events, reimbursements): the stored record wins; the page only fills fields it lacks.</summary>
    Historical,

    /// <summary>State that changes (cases, shipments, removals, IDR): the page is the latest word for the fields it shows.</summary>
    Live,
}

/// <summary>
/// What a parser read from a page. <see cref="Records"/> are stored; <see cref="AnchorOnly"/> were read but are not
/// stored because the page cannot give them the key a download gives the same fact (see docs/pages.md), so they
/// only locate findings. <see cref="Anchors"/> are identifier texts exactly as the rows show them. <see cref="KeepStored"/>
/// names fields the page shows less precisely than a download: a stored value of them is never replaced.
/// </summary>
public sealed record PageParse(
    PageKind Kind,
    IReadOnlyList<DomainRecord> Records,
    IReadOnlyList<DomainRecord> AnchorOnly,
    IReadOnlyList<string> Anchors,
    int SkippedRows,
    PageFacts Facts,
    string? Note = null,
    IReadOnlyCollection<string>? KeepStored = null)
{
    public static PageParse Empty(PageKind kind) => new(kind, [], [], [], 0, PageFacts.Live);
}

/// <summary>Collects a parser's output row by row: records, anchor-only records, anchors (in order, once) and skips.</summary>
public sealed class PageParseBuilder(PageKind kind, string? marketplace)
{
    private readonly List<DomainRecord> _records = [];
    private readonly List<DomainRecord> _anchorOnly = [];
    private readonly List<string> _anchors = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public int Skipped { get; private set; }

    public void Skip() => Skipped++;

    /// <summary>Adds a record to store (or, with <paramref name="store"/> false, to locate findings only).</summary>
    public void Add(DomainRecord record, bool store = true)
    {
        record.Marketplace ??= marketplace;
        (store ? _records : _anchorOnly).Add(record);
    }

    public void Anchor(params string?[] texts)
    {
        foreach (var text in texts)
        {
            if (!string.IsNullOrWhiteSpace(text) && _seen.Add(text))
            {
                _anchors.Add(text);
            }
        }
    }

    public PageParse Build(PageFacts facts, string? note = null, IReadOnlyCollection<string>? keepStored = null) =>
        new(kind, _records, _anchorOnly, _anchors, Skipped, facts, note, keepStored);
}
