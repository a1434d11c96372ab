using AngleSharp.Dom;

namespace Refully.Companion.Pages.Parsers;

/// <summary>The generic fallback, last in the registry: claims any page, reads no records and no anchors.</summary>
public sealed class UnrecognisedPage : IPageParser
{
    public PageKind Kind => PageKind.Unrecognised;

    public bool MatchesUrl(Uri url) => true;

    public bool ReadsTablesOnly => true;

    public bool MatchesDom(IDocument document) => true;

    public PageParse Parse(IDocument document, Uri url, string? marketplace) => PageParse.Empty(Kind);
}
