using System.Collections.Concurrent;
using Microsoft.Playwright;
using Refully.EndToEnd.Infrastructure;

namespace Refully.EndToEnd.Dashboard;

/// <summary>
/// One plain headless Chromium (no extension: the dashboard is an ordinary page of the companion's origin), shared
/// by the dashboard tests. Each test gets a fresh browser context (its own localStorage) at 1280×800.
/// </summary>
public sealed class DashboardBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumLocator.ExecutablePath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }

    /// <summary>
    /// A new context and page. Requests to anything but the companion are refused and recorded (nothing may leave
    /// the machine), and so are console errors (a Content-Security-Policy violation is one).
    /// </summary>
    public async Task<DashboardPage> OpenAsync(CompanionServer companion)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            Locale = "en-US",
            ViewportSize = new() { Width = 1280, Height = 800 },
            AcceptDownloads = false,
        });
        var page = await context.NewPageAsync();
        var result = new DashboardPage(companion, context, page);
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(companion.Url + "/", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }
            result.ForeignRequests.Add(route.Request.Url);
            await route.AbortAsync();
        });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                result.ConsoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => result.ConsoleErrors.Add(error);
        await page.GotoAsync(companion.Url + "/");
        return result;
    }
}

/// <summary>The dashboard open in a page, and what the page did that it should not have.</summary>
public sealed class DashboardPage(CompanionServer companion, IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public ConcurrentBag<string> ForeignRequests { get; } = [];

    public ConcurrentBag<string> ConsoleErrors { get; } = [];

    public ILocator Id(string id) => Page.Locator($"#{id}");

    /// <summary>Pairs as a person would: Pair, read the code from the companion's console, type it, Confirm.</summary>
    public async Task PairAsync()
    {
        await Id("pair-start").ClickAsync();
        var code = await companion.Pairing.NextCodeAsync();
        await Id("pair-code").FillAsync(code);
        await Id("pair-confirm").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(Id("pair-state")).ToHaveTextAsync("Paired");
    }

    public Task<string?> StoredTokenAsync() => Page.EvaluateAsync<string?>("() => localStorage.getItem('refully.dashboard.token')");

    /// <summary>
    /// Asserts the page loaded nothing from elsewhere and logged no error (a CSP violation is one), apart from the
    /// failed responses with the given statuses that the test provoked on purpose.
    /// </summary>
    public void ShouldHaveStayedOnTheCompanion(params int[] provokedStatuses)
    {
        ForeignRequests.Should().BeEmpty("the dashboard loads nothing from outside the companion");
        ConsoleErrors.Where(e => !provokedStatuses.Any(s => e.StartsWith($"Failed to load resource: the server responded with a status of {s} ", StringComparison.Ordinal)))
            .Should().BeEmpty("the page runs without errors or CSP violations");
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardBrowserFixture>
{
    public const string Name = "Dashboard";
}
