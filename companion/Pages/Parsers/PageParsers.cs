using AngleSharp.Dom;

namespace Refully.Companion.Pages.Parsers;

/// <summary>
/// The explicit, ordered registry of page parsers; the first whose URL pattern and DOM check both match reads
/// the page. A page none of them claims is unrecognised: stored as a visit and answered as such, never an error.
/// </summary>
public static class PageParsers
{
    public static IReadOnlyList<IPageParser> All { get; } =
    [
        new InventoryLedgerPage(),
        new ReimbursementsPage(),
        new CustomerReturnsPage(),
        new InboundShipmentPage(),
        new RemovalOrdersPage(),
        new OrderDetailPage(),
        new InventoryDefectPortalPage(),
        new CaseViewPage(),
        new CaseLobbyPage(),
        new ManageInventoryPage(),
        new UnrecognisedPage(),
    ];

    /// <summary>
    /// True when every parser that may claim a page at <paramref name="url"/> reads tables alone, so the page may be
    /// parsed with its plain rows deferred (<see cref="DeferredRows"/>).
    /// </summary>
    public static bool DefersRows(Uri url) => All.Where(p => p.MatchesUrl(url)).All(p => p.ReadsTablesOnly);

    /// <summary>The parser that claims the page; the fallback (<see cref="UnrecognisedPage"/>) when no page type does.</summary>
    public static IPageParser For(Uri url, IDocument document) =>
        All.First(p => p.MatchesUrl(url) && p.MatchesDom(document));
}
