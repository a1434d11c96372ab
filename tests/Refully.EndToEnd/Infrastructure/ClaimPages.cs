using Microsoft.Playwright;

namespace Refully.EndToEnd.Infrastructure;

/// <summary>
/// Serves the claim fixtures at the Seller Central addresses a claim goes through (the help page a draft's
/// fileAt.url names, the Hill confirmation, the Case Lobby, the reimbursements view). Routes added here take
/// precedence over the fixture's own (Playwright runs the last registered route first) and are removed on dispose.
/// </summary>
public sealed class ClaimPages : IAsyncDisposable
{
    /// <summary>The case id the confirmation fixture shows, and the Case Lobby and reimbursements fixtures name.</summary>
    public const string CaseId = "12345678901";

    private readonly IBrowserContext _context;
    private readonly List<(string Url, Func<IRoute, Task> Handler)> _routes = [];

    private ClaimPages(IBrowserContext context) => _context = context;

    /// <summary>Routes the help article of lost/damaged items (a LostWarehouse draft's fileAt.url) to <paramref name="caseForm"/>.</summary>
    public static async Task<ClaimPages> RouteAsync(IBrowserContext context, string caseForm = "claim-hill-page.html")
    {
        var pages = new ClaimPages(context);
        await pages.AddAsync("/gp/help/external/**", caseForm);
        await pages.AddAsync("/hill/website/case-created**", "claim-case-created.html");
        await pages.AddAsync("/cu/case-lobby**", "claim-case-lobby.html");
        await pages.AddAsync("/reportcentral/REIMBURSEMENTS/0/**", "claim-reimbursements.html");
        return pages;
    }

    private async Task AddAsync(string path, string fixture)
    {
        var url = $"{ChromiumFixture.SellerCentral}{path}";
        Func<IRoute, Task> handler = route => route.FulfillAsync(new()
        {
            Status = 200, ContentType = "text/html; charset=utf-8", Path = RepositoryRoot.Fixture(fixture),
        });
        await _context.RouteAsync(url, handler);
        _routes.Add((url, handler));
    }

    /// <summary>The URLs of the tabs matching <paramref name="pattern"/>, as the extension opened them (chrome.tabs, from an extension page).</summary>
    public static async Task<string[]> OpenedTabUrlsAsync(ChromiumFixture chromium, string pattern)
    {
        var page = await chromium.Context.NewPageAsync();
        try
        {
            await page.GotoAsync($"{chromium.ExtensionOrigin}/manifest.json");
            return await page.EvaluateAsync<string[]>("async pattern => (await chrome.tabs.query({ url: pattern })).map(t => t.pendingUrl || t.url)", pattern);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>
    /// Playwright's routes do not see the very first navigation of a tab the extension creates (chrome.tabs.create):
    /// it goes to the network, offline here, and ends on an error page. Loading the same URL again in the same tab
    /// (same tab id, so the extension's pending claim for it still applies) serves the fixture.
    /// </summary>
    public static async Task LoadAgainAsync(IPage tab, string url)
    {
        await tab.WaitForLoadStateAsync();
        await tab.GotoAsync(url);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (url, handler) in _routes)
        {
            await _context.UnrouteAsync(url, handler);
        }
    }
}
