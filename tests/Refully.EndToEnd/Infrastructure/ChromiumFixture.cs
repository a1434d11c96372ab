using System.Text.Json;
using Microsoft.Playwright;

namespace Refully.EndToEnd.Infrastructure;

/// <summary>
/// One headless Chromium with the unpacked extension, shared by the tests of the "Chromium" collection
/// (they run one after another; <see cref="ResetAsync"/> gives each a clean extension). Seller Central and
/// a hostile web site are served from fixtures, never from the network.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string SellerCentral = "https://sellercentral.amazon.com";
    public const string EvilSite = "https://evil.example";
    public const string LedgerPath = "/reportcentral/INVENTORY_LEDGER/0";

    /// <summary>Seller Central paths the routed site serves, and their fixture files.</summary>
    private static readonly Dictionary<string, string> SellerCentralPages = new(StringComparer.Ordinal)
    {
        [LedgerPath] = "inventory-ledger.html",
    };

    /// <summary>Report online views whose state is JSON in the path (`/reportcentral/REIMBURSEMENTS/0/{"pageOffset":1,…}`): served by path prefix.</summary>
    private static readonly (string Prefix, string File)[] ReportViews =
    [
        ("/reportcentral/INVENTORY_LEDGER/0/bench/", "bench-ledger.html"),
        ("/reportcentral/INVENTORY_LEDGER/0/", "ledger-report.html"),
        ("/reportcentral/REIMBURSEMENTS/0/", "reimbursements-report.html"),
    ];

    /// <summary>The online view of a report at page 1, as Seller Central addresses it.</summary>
    public static string ReportPath(string report) =>
        $"/reportcentral/{report}/0/{Uri.EscapeDataString("{\"filters\":[\"\",\"\",\"\",\"\"],\"pageOffset\":1,\"searchDays\":30}")}";

    /// <summary>
    /// Collects the extension's `refully:timings` events in the page's own world as window.refullyTimings
    /// (the extension publishes its per-capture timings that way; see extension/content/timings.js), and its re-apply
    /// timings as window.refullyReapplyTimings.
    /// </summary>
    private const string CollectTimings =
        "document.addEventListener('refully:timings', e => (window.refullyTimings ??= []).push(JSON.parse(e.detail)));" +
        "document.addEventListener('refully:reapply-timings', e => (window.refullyReapplyTimings ??= []).push(JSON.parse(e.detail)));";

    private readonly string _userDataDir = Path.Combine(Path.GetTempPath(), $"refully-e2e-chromium-{Guid.NewGuid():N}");
    private IPlaywright? _playwright;
    private IBrowserContext? _context;
    private IPage? _extensionPage;

    public IBrowserContext Context => _context ?? throw new InvalidOperationException("Chromium is not running.");

    public string ExtensionId { get; private set; } = "";

    public string ExtensionOrigin => $"chrome-extension://{ExtensionId}";

    /// <summary>A page of the extension (its manifest), which runs with the extension's privileges.</summary>
    private IPage ExtensionPage => _extensionPage ?? throw new InvalidOperationException("Chromium is not running.");

    public async Task InitializeAsync()
    {
        var executable = ChromiumLocator.ExecutablePath();
        var root = RepositoryRoot.Path;
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        _context = await _playwright.Chromium.LaunchPersistentContextAsync(_userDataDir, new()
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                $"--disable-extensions-except={root}", $"--load-extension={root}", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        await _context.AddInitScriptAsync(CollectTimings);
        await _context.RouteAsync($"{SellerCentral}/**", ServeSellerCentralAsync);
        await _context.RouteAsync($"{EvilSite}/**", route => route.FulfillAsync(new()
        {
            Status = 200, ContentType = "text/html; charset=utf-8", Path = RepositoryRoot.Fixture("evil-page.html"),
        }));
        ExtensionId = await FindExtensionIdAsync();
        _extensionPage = await _context.NewPageAsync();
        await _extensionPage.GotoAsync($"{ExtensionOrigin}/manifest.json");
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
        _playwright?.Dispose();
        if (Directory.Exists(_userDataDir))
        {
            Directory.Delete(_userDataDir, recursive: true);
        }
    }

    /// <summary>
    /// A clean extension for the next test: other tabs closed, pairing forgotten, and chrome.storage.local set
    /// the documented way ({ companionUrl, token, tokenId }), as a script configuring a paired extension would.
    /// </summary>
    public async Task ResetAsync(string companionUrl, string? token = null, string? tokenId = null)
    {
        foreach (var page in Context.Pages.Where(p => p != ExtensionPage).ToList())
        {
            await page.CloseAsync();
        }
        await ExtensionPage.EvaluateAsync(
            """
            async ({ companionUrl, token, tokenId }) => {
              await chrome.storage.session.clear();
              await chrome.storage.local.set({ companionUrl });
              if (token) {
                await chrome.storage.local.set({ token, tokenId });
              } else {
                await chrome.storage.local.remove(["token", "tokenId"]);
              }
            }
            """, new { companionUrl, token, tokenId });
    }

    public Task<JsonElement> StoredSettingsAsync() => ExtensionPage.EvaluateAsync<JsonElement>("() => chrome.storage.local.get(null)");

    public Task<string> BadgeTextAsync() => ExtensionPage.EvaluateAsync<string>("() => chrome.action.getBadgeText({})");

    public async Task<string> WaitForBadgeAsync(string text) =>
        await Eventually.UntilAsync(BadgeTextAsync, badge => badge == text, $"the badge to say \"{text}\"");

    public async Task<IPage> OpenSellerCentralAsync(string path = LedgerPath)
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync($"{SellerCentral}{path}");
        return page;
    }

    public async Task<IPage> OpenPopupAsync()
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync($"{ExtensionOrigin}/extension/popup/popup.html");
        return page;
    }

    private static async Task ServeSellerCentralAsync(IRoute route)
    {
        var path = new Uri(route.Request.Url).AbsolutePath;
        string? file = path.StartsWith("/refully-fixtures/", StringComparison.Ordinal)
            ? path["/refully-fixtures/".Length..]
            : SellerCentralPages.GetValueOrDefault(path) ?? ReportViews.FirstOrDefault(v => path.StartsWith(v.Prefix, StringComparison.Ordinal)).File;
        if (file is null || file.Contains('/') || !File.Exists(RepositoryRoot.Fixture(file)))
        {
            await route.FulfillAsync(new() { Status = 404, ContentType = "text/plain", Body = "not a fixture" });
            return;
        }
        var contentType = file.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8";
        await route.FulfillAsync(new() { Status = 200, ContentType = contentType, Path = RepositoryRoot.Fixture(file) });
    }

    /// <summary>Playwright .NET has no service-worker API: ask Chromium's targets over CDP for the extension's worker.</summary>
    private async Task<string> FindExtensionIdAsync()
    {
        var page = Context.Pages.Count > 0 ? Context.Pages[0] : await Context.NewPageAsync();
        var cdp = await Context.NewCDPSessionAsync(page);
        try
        {
            var workerUrl = await Eventually.UntilAsync(async () =>
            {
                var targets = await cdp.SendAsync("Target.getTargets");
                return targets?.GetProperty("targetInfos").EnumerateArray()
                    .Where(t => t.GetProperty("type").GetString() == "service_worker")
                    .Select(t => t.GetProperty("url").GetString() ?? "")
                    .FirstOrDefault(url => url.StartsWith("chrome-extension://", StringComparison.Ordinal));
            }, url => url is not null, "the extension's service worker (did the extension load? run with DEBUG=pw:browser)");
            return new Uri(workerUrl!).Host;
        }
        finally
        {
            await cdp.DetachAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}
