using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Refully.Companion.Detection;
using Refully.Companion.Storage;
using Refully.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Refully.EndToEnd.Dashboard;

/// <summary>The dashboard in real Chromium against the real companion: pairing, findings, their detail and actions.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardFindingsTests(DashboardBrowserFixture browser) : IDisposable
{
    private readonly SellerData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task AnUnpairedDashboardShowsNoDataUntilPairedWithTheConsoleCode()
    {
        // Arrange: a companion holding findings, and a browser that never paired.
        await using var companion = CompanionServer.Start();
        await _data.ImportAsync(companion);
        await using var dashboard = await browser.OpenAsync(companion);

        // Assert: clearly not paired, and nothing of the seller's data on the page.
        await Expect(dashboard.Id("pair-state")).ToHaveTextAsync("Not paired");
        await Expect(dashboard.Id("not-paired")).ToBeVisibleAsync();
        await Expect(dashboard.Id("view-findings")).ToBeHiddenAsync();
        (await dashboard.Page.ContentAsync()).Should().NotContain("SKU-RED");

        // Act: a wrong code first, then the code the companion printed in its console.
        await dashboard.Id("pair-start").ClickAsync();
        var code = await companion.Pairing.NextCodeAsync();
        (await dashboard.Page.ContentAsync()).Should().NotContain(code, "the code is only shown in the companion's console");
        await dashboard.Id("pair-code").FillAsync(((int.Parse(code) + 1) % 1_000_000).ToString("D6"));
        await dashboard.Id("pair-confirm").ClickAsync();
        await Expect(dashboard.Id("pair-message")).ToContainTextAsync("not the code");
        await Expect(dashboard.Id("view-findings")).ToBeHiddenAsync();
        await dashboard.Id("pair-code").FillAsync($"{code[..3]} {code[3..]}");
        await dashboard.Id("pair-confirm").ClickAsync();

        // Assert: paired; the token in localStorage is one the companion accepts; findings appear.
        await Expect(dashboard.Id("pair-state")).ToHaveTextAsync("Paired");
        await Expect(dashboard.Id("findings-table").Locator("tbody tr")).ToHaveCountAsync(5);
        var token = await dashboard.StoredTokenAsync();
        companion.Tokens.Check(token, companion.Url).Outcome.Should().Be(TokenCheck.Valid);

        // Act: Unpair.
        await dashboard.Id("unpair").ClickAsync();

        // Assert: revoked at the companion, forgotten by the page, data hidden again.
        await Expect(dashboard.Id("pair-state")).ToHaveTextAsync("Not paired");
        await Expect(dashboard.Id("view-findings")).ToBeHiddenAsync();
        (await dashboard.StoredTokenAsync()).Should().BeNull();
        companion.Tokens.Check(token, companion.Url).Outcome.Should().Be(TokenCheck.Invalid);
        dashboard.ShouldHaveStayedOnTheCompanion(403); // the wrong code
    }

    [Fact]
    public async Task FindingsShowTotalsByStatusAndARowPerFindingSortedByDeadlineAndFilterable()
    {
        // Arrange
        await using var companion = CompanionServer.Start();
        await _data.ImportAsync(companion);
        await using var dashboard = await browser.OpenAsync(companion);
        await dashboard.PairAsync();
        var rows = dashboard.Id("findings-table").Locator("tbody tr");

        // Assert: totals (claimable per currency, expiring within 7 days, review) and the rows by deadline.
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(dashboard.Id("total-claimable")).ToHaveTextAsync("CAD 15.00 · USD 27.50");
        await Expect(dashboard.Id("expiring-count")).ToHaveTextAsync("1");
        await Expect(dashboard.Id("review-count")).ToHaveTextAsync("1");
        var totals = dashboard.Id("totals-table").Locator("tbody tr");
        await Expect(totals.Filter(new() { HasText = "Claimable" }).Locator("td").Nth(1)).ToHaveTextAsync("3");
        await Expect(totals.Filter(new() { HasText = "Claimable" })).ToContainTextAsync("USD 27.50");
        await Expect(totals.Filter(new() { HasText = "Waiting" })).ToContainTextAsync("USD 12.00");
        await Expect(totals.Filter(new() { HasText = "Needs review" })).ToContainTextAsync("USD 5.00");
        await Expect(rows.First).ToContainTextAsync("SKU-BLUE");
        var deadlines = await rows.Locator("td:first-child").AllTextContentsAsync();
        deadlines.Should().BeInAscendingOrder(StringComparer.Ordinal).And.HaveCount(5);
        await Expect(rows.Filter(new() { HasText = "SKU-RED" })).ToContainTextAsync("USD 20.00");
        await Expect(rows.Filter(new() { HasText = "SKU-MAPLE" })).ToContainTextAsync("CAD 15.00");

        // Act / assert: each filter narrows the table (the totals stay those of every finding).
        await dashboard.Id("filter-status").SelectOptionAsync("Claimable");
        await Expect(rows).ToHaveCountAsync(3);
        await dashboard.Id("filter-marketplace").SelectOptionAsync("CA");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("SKU-MAPLE");
        await Expect(dashboard.Id("total-claimable")).ToHaveTextAsync("CAD 15.00 · USD 27.50");
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Clear" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(5);
        await dashboard.Id("filter-type").SelectOptionAsync("DisposedWithoutRequest");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("SKU-TEAL");
        await dashboard.Id("filter-type").SelectOptionAsync("");
        await dashboard.Id("search").FillAsync("dash0003");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("SKU-GREEN");
        await dashboard.Id("search-field").SelectOptionAsync("sku");
        await dashboard.Id("search").FillAsync("SKU-RED");
        await dashboard.Id("search").PressAsync("Enter");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("X00DASH0001");

        // Narrower than 1280: the page itself never scrolls sideways (wide tables scroll in their own box).
        await dashboard.Page.SetViewportSizeAsync(600, 800);
        (await dashboard.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue();
        dashboard.ShouldHaveStayedOnTheCompanion();
    }

    [Fact]
    public async Task TheDetailShowsEvidenceAndHistoryAndDismissingWithAReasonChangesTheStatusInTheCompanion()
    {
        // Arrange
        await using var companion = CompanionServer.Start();
        await _data.ImportAsync(companion);
        var store = companion.Services.GetRequiredService<FindingStore>();
        var red = store.Query(new FindingQuery(Sku: "SKU-RED")).Single();
        await using var dashboard = await browser.OpenAsync(companion);
        await dashboard.PairAsync();

        // Act: open the finding from its row, using the keyboard.
        var link = dashboard.Id("findings-table").Locator("tbody tr", new() { HasText = "SKU-RED" }).GetByRole(AriaRole.Link);
        await link.FocusAsync();
        await dashboard.Page.Keyboard.PressAsync("Enter");

        // Assert: explanation, evidence (the ledger row) and history (detected by the rescan).
        await Expect(dashboard.Id("finding-status")).ToHaveTextAsync("Claimable");
        await Expect(dashboard.Id("finding-explanation")).ToHaveTextAsync(red.Explanation);
        var evidence = dashboard.Id("evidence-table").Locator("tbody tr");
        await Expect(evidence).ToHaveCountAsync(red.Evidence.Count);
        await Expect(evidence.First).ToContainTextAsync("5000000001");
        await Expect(evidence.First).ToContainTextAsync("-2");
        var history = dashboard.Id("history-table").Locator("tbody tr");
        await Expect(history).ToHaveCountAsync(1);
        await Expect(history.First).ToContainTextAsync("Claimable");
        await Expect(dashboard.Id("finding-facts")).ToContainTextAsync("USD 20.00");

        // Act: Dismiss without a reason (refused), then with one.
        await dashboard.Id("dismiss").ClickAsync();
        await Expect(dashboard.Id("finding-status")).ToHaveTextAsync("Claimable");
        await dashboard.Id("dismiss-reason").FillAsync("Found the two units in the last stock count");
        await dashboard.Id("dismiss").ClickAsync();

        // Assert: the companion holds the new status and reason; the page shows them and the history grew.
        await Expect(dashboard.Id("finding-status")).ToHaveTextAsync("Dismissed");
        await Expect(history).ToHaveCountAsync(2);
        await Expect(history.Last).ToContainTextAsync("Found the two units in the last stock count");
        var stored = store.Get(red.Id)!;
        stored.Status.Should().Be(FindingStatus.Dismissed);
        stored.DismissReason.Should().Be("Found the two units in the last stock count");
        await Expect(dashboard.Id("dismiss-form")).ToBeHiddenAsync();

        // And the list counts it as dismissed.
        await dashboard.Page.GetByRole(AriaRole.Link, new() { Name = "All findings" }).ClickAsync();
        await Expect(dashboard.Id("totals-table").Locator("tbody tr", new() { HasText = "Dismissed" })).ToContainTextAsync("USD 20.00");
        await Expect(dashboard.Id("total-claimable")).ToHaveTextAsync("CAD 15.00 · USD 7.50");
        dashboard.ShouldHaveStayedOnTheCompanion();
    }

    [Fact]
    public async Task AReviewFindingCanBeConfirmedAndRescanKeepsIt()
    {
        // Arrange
        await using var companion = CompanionServer.Start();
        await _data.ImportAsync(companion);
        var store = companion.Services.GetRequiredService<FindingStore>();
        var teal = store.Query(new FindingQuery(Sku: "SKU-TEAL")).Single();
        teal.Status.Should().Be(FindingStatus.NeedsReview);
        await using var dashboard = await browser.OpenAsync(companion);
        await dashboard.PairAsync();
        await dashboard.Page.GotoAsync($"{companion.Url}/#finding/{teal.Id}");
        await Expect(dashboard.Id("finding-status")).ToHaveTextAsync("Needs review");

        // Act
        await dashboard.Id("confirm").ClickAsync();

        // Assert
        await Expect(dashboard.Id("finding-status")).ToHaveTextAsync("Claimable");
        await Expect(dashboard.Id("confirm-box")).ToBeHiddenAsync();
        store.Get(teal.Id)!.Status.Should().Be(FindingStatus.Claimable);

        // Act: Rescan from the list.
        await dashboard.Page.GetByRole(AriaRole.Link, new() { Name = "All findings" }).ClickAsync();
        await dashboard.Id("rescan").ClickAsync();

        // Assert: detection ran again and the confirmation stayed.
        await Expect(dashboard.Id("findings-message")).ToContainTextAsync("Rescan done: 5 findings detected.");
        await Expect(dashboard.Id("total-claimable")).ToHaveTextAsync("CAD 15.00 · USD 32.50");
        await Expect(dashboard.Id("review-count")).ToHaveTextAsync("0");
        dashboard.ShouldHaveStayedOnTheCompanion();
    }
}
