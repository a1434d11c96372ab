using Refully.Companion.Detection;
using Refully.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Refully.EndToEnd;

/// <summary>What a seller does from a badge or the panel: dismiss with a reason, open the details (Claim: ClaimFillTests).</summary>
[Collection(ChromiumCollection.Name)]
public sealed class BadgeActionTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task DismissingWithAReasonRemovesTheBadgeUpdatesTheTotalsAndRecordsTheStatus()
    {
        // Arrange: the ledger with its badges.
        await using var companion = CompanionServer.Start();
        var seeded = companion.SeedFindings(LedgerSeeds.All);
        var lostId = seeded[LedgerSeeds.Lost.Key].Id;
        var token = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, token.Token, token.Id);
        var page = await chromium.OpenSellerCentralAsync(ChromiumFixture.ReportPath("INVENTORY_LEDGER"));
        var badge = Badges.Badge(page, lostId);
        await Expect(badge).ToHaveCountAsync(1);
        var totals = page.Locator("refully-panel [data-part=totals]");
        await Expect(totals).ToHaveTextAsync("$77.67 claimable on this page, 1 expires this week");
        const string PanelIds = "entries => entries.map(entry => entry.dataset.findingId)";
        var listed = await page.Locator("refully-panel li[data-finding-id]").EvaluateAllAsync<string[]>(PanelIds);

        // A script of the page cannot use Refully's buttons: its clicks are not the seller's.
        const string UntrustedClick = "([id, selector]) => document.querySelector(`refully-badge[data-refully-finding=\"${id}\"]`).shadowRoot.querySelector(selector)?.click()";
        await page.EvaluateAsync(UntrustedClick, new[] { lostId, "[data-part=chip]" });
        await Expect(badge.Locator("[data-part=card]")).ToBeHiddenAsync();

        // Act: open the badge's card, Dismiss…, type why, Dismiss.
        await badge.Locator("[data-part=chip]").ClickAsync();
        await Expect(badge.Locator("[data-part=explanation]")).ToHaveTextAsync(seeded[LedgerSeeds.Lost.Key].Explanation);
        await page.EvaluateAsync(UntrustedClick, new[] { lostId, "[data-action=dismiss]" });
        await Expect(badge.Locator("[data-part=dismiss-form]")).ToHaveCountAsync(0);
        await badge.Locator("[data-action=dismiss]").ClickAsync();
        var confirm = badge.Locator("[data-action=confirm-dismiss]");
        await Expect(confirm).ToBeDisabledAsync();
        await badge.Locator("[data-part=dismiss-reason]").FillAsync("Found in the Sept cycle count");
        await confirm.ClickAsync();

        // Assert: the badge and its panel entry are gone, the totals lost $41.70 and the week's deadline…
        await Expect(badge).ToHaveCountAsync(0);
        await Expect(page.Locator($"refully-panel li[data-finding-id='{lostId}']")).ToHaveCountAsync(0);
        await Expect(totals).ToHaveTextAsync("$35.97 claimable on this page");
        // …and the companion recorded the status with the reason.
        var stored = companion.Findings.Get(lostId)!;
        stored.Status.Should().Be(FindingStatus.Dismissed);
        stored.DismissReason.Should().Be("Found in the Sept cycle count");
        stored.History.Last().Note.Should().Be("Found in the Sept cycle count");

        // The page re-renders: the dismissed finding does not come back, the others do.
        await page.EvaluateAsync("() => window.reportApp.rerender()");
        var review = seeded[LedgerSeeds.ReviewByFnsku.Key].Id;
        await Badges.WaitForAsync(page, LedgerSeeds.ReferenceColumn, new()
        {
            ["8712345001"] = [review],
            ["8712345005"] = [review, seeded[LedgerSeeds.ExactReference.Key].Id],
            ["8712345003"] = [seeded[LedgerSeeds.Damaged.Key].Id],
            ["8712345004"] = [review],
        });

        // The panel draws its kept entries for the findings that moved up the list: Dismiss… from such an entry
        // dismisses the finding it now shows, not the one it was first drawn for.
        var relisted = await page.Locator("refully-panel li[data-finding-id]").EvaluateAllAsync<string[]>(PanelIds);
        relisted.Should().NotContain(lostId);
        var moved = relisted.Where((id, i) => listed[i] != id).First();
        var entry = page.Locator($"refully-panel li[data-finding-id='{moved}']");
        await entry.Locator("[data-action=dismiss]").ClickAsync();
        await entry.Locator("[data-part=dismiss-reason]").FillAsync("Counted again");
        await entry.Locator("[data-action=confirm-dismiss]").ClickAsync();
        await Expect(entry).ToHaveCountAsync(0);
        companion.Findings.Get(moved)!.DismissReason.Should().Be("Counted again");
        companion.Findings.Get(lostId)!.DismissReason.Should().Be("Found in the Sept cycle count");
    }

    [Fact]
    public async Task DetailsOpensTheFindingsPageWithExplanationEvidenceAndHistory()
    {
        // Arrange
        await using var companion = CompanionServer.Start();
        var seeded = companion.SeedFindings(LedgerSeeds.All);
        var damaged = seeded[LedgerSeeds.Damaged.Key];
        var token = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, token.Token, token.Id);
        var page = await chromium.OpenSellerCentralAsync(ChromiumFixture.ReportPath("INVENTORY_LEDGER"));
        var badge = Badges.Badge(page, damaged.Id);
        await badge.Locator("[data-part=chip]").ClickAsync();

        // Act: Details from the badge.
        var details = await chromium.Context.RunAndWaitForPageAsync(() => badge.Locator("[data-action=details]").ClickAsync());

        // Assert
        details.Url.Should().Be($"{chromium.ExtensionOrigin}/extension/details/details.html?id={damaged.Id}");
        await Expect(details.Locator("#explanation")).ToHaveTextAsync(damaged.Explanation);
        await Expect(details.Locator("#status")).ToHaveTextAsync("Claimable");
        await Expect(details.Locator("#evidence tbody tr")).ToHaveCountAsync(1);
        await Expect(details.Locator("#evidence tbody tr")).ToContainTextAsync("8712345003");
        await Expect(details.Locator("#history tbody tr").First).ToContainTextAsync("Claimable");
        await Expect(details.Locator("#claim-note")).ToBeHiddenAsync();
    }
}
