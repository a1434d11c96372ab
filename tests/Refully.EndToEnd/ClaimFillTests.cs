using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Refully.Companion.Claims;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Policies;
using Refully.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Refully.EndToEnd;

/// <summary>
/// One-click auto-fill, never auto-submit: Claim opens the draft's page and fills the case form (Katal controls
/// inside an iframe inside a shadow root inside an iframe); the seller submits; the case id Seller Central shows
/// makes the finding Filed; the Case Lobby and the reimbursements view move it on to Reimbursed.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class ClaimFillTests(ChromiumFixture chromium)
{
    private const string HillForm = "/refully-fixtures/claim-hill-form.html";

    [Fact]
    public async Task ClaimOnABadgeFillsTheHillFormTheSellerSubmitsAndTheFindingIsFiledThenReimbursed()
    {
        // Arrange: a claimable finding on the ledger page, its draft, and Seller Central's claim pages.
        await using var companion = CompanionServer.Start();
        var lost = companion.SeedFindings(LedgerSeeds.Lost, LedgerSeeds.Damaged)[LedgerSeeds.Lost.Key];
        var draft = companion.Services.GetRequiredService<ClaimDrafter>().Drafts(null, lost.Id).Single();
        draft.Fields.Select(f => f.Name).Should().BeEquivalentTo(["fnsku", "quantity", "subject", "description"]);
        var token = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, token.Token, token.Id);
        await using var routes = await ClaimPages.RouteAsync(chromium.Context);
        var ledger = await chromium.OpenSellerCentralAsync(ChromiumFixture.ReportPath("INVENTORY_LEDGER"));
        var badge = Badges.Badge(ledger, lost.Id);
        await badge.Locator("[data-part=chip]").ClickAsync();

        // Act: Claim on the badge.
        var form = await chromium.Context.RunAndWaitForPageAsync(() => badge.Locator("[data-action=claim]").ClickAsync());

        // Assert: the draft's page, with the draft id in the hash; every field filled with exactly the draft's value.
        var expectedUrl = $"{draft.FileAt.Url}#refully-claim={draft.Id}";
        (await ClaimPages.OpenedTabUrlsAsync(chromium, "https://sellercentral.amazon.com/gp/help/*")).Should().Equal(expectedUrl);
        await ClaimPages.LoadAgainAsync(form, expectedUrl);
        await Expect(form.Locator("refully-claim-card [data-part=status]")).ToHaveTextAsync(new Regex("^Filled 4 of 4 fields"));
        await Expect(form.Locator("refully-claim-card [data-part=unfilled]")).ToBeHiddenAsync();
        await Expect(form.Locator("refully-claim-card [data-part=attachments] li")).ToHaveCountAsync(draft.Attachments.Count);
        var inner = form.Frames.Single(f => f.Url.EndsWith(HillForm, StringComparison.Ordinal));
        var values = await inner.EvaluateAsync<Dictionary<string, string>>("() => window.fixture.values()");
        var expected = draft.Fields.ToDictionary(f => f.Name, f => f.Value);
        values["fnsku"].Should().Be(expected["fnsku"]);
        values["quantity"].Should().Be(expected["quantity"]);
        values["quantityShown"].Should().Be(expected["quantity"]);
        values["subject"].Should().Be(expected["subject"]);
        values["description"].Should().Be(expected["description"]);
        values["feedback"].Should().BeEmpty("Amazon's feedback box is not a claim field");
        // The page heard input and change, bubbling and composed (only composed events leave the shadow roots).
        var events = await inner.EvaluateAsync<JsonElement>("() => window.fixture.events");
        foreach (var target in new[] { "item", "units", "short", "details" })
        {
            foreach (var type in new[] { "input", "change" })
            {
                events.EnumerateArray().Should().Contain(e =>
                    e.GetProperty("target").GetString() == target && e.GetProperty("type").GetString() == type
                    && e.GetProperty("composed").GetBoolean() && e.GetProperty("bubbles").GetBoolean(), $"{type} on #{target}");
            }
        }
        // Filled controls are outlined; nothing was submitted, and the form is still there.
        (await inner.EvaluateAsync<int>("() => document.querySelectorAll('[data-refully-filled]').length")).Should().Be(4);
        (await inner.EvaluateAsync<int>("() => window.fixture.submits")).Should().Be(0);
        companion.Findings.Get(lost.Id)!.Status.Should().Be(FindingStatus.Claimable);

        // Act: the seller presses Submit; Amazon shows the confirmation with the case id.
        await inner.Locator("#submit").ClickAsync();
        // Waits for the navigation to commit only: the assertions below wait for what matters. Waiting for "load"
        // here once timed out in CI after the page had loaded (Playwright missed the event across the top-level
        // navigation started from inside the nested frame).
        await form.WaitForURLAsync("**/hill/website/case-created?ref=hill", new() { WaitUntil = WaitUntilState.Commit });

        // Assert: "Filed as case …", and the companion holds the finding as Filed with that case.
        await Expect(form.Locator("refully-claim-card [data-part=filed]")).ToHaveTextAsync($"Filed as case {ClaimPages.CaseId}.");
        var filed = companion.Findings.Get(lost.Id)!;
        filed.Status.Should().Be(FindingStatus.Filed);
        filed.CaseId.Should().Be(ClaimPages.CaseId);
        filed.History.Last().Source.Should().Be("extension");

        // Act: the Case Lobby shows the case, then the reimbursements view pays it.
        var lobby = await chromium.OpenSellerCentralAsync("/cu/case-lobby");
        await Eventually.Until(() => companion.Findings.Get(lost.Id)!.CaseStatusText, s => s == "Answered", "the case status from the Case Lobby");
        var reimbursements = await chromium.OpenSellerCentralAsync(ChromiumFixture.ReportPath("REIMBURSEMENTS"));

        // Assert
        var paid = await Eventually.Until(() => companion.Findings.Get(lost.Id)!, f => f.Status == FindingStatus.Reimbursed, "the finding to be Reimbursed");
        paid.CaseId.Should().Be(ClaimPages.CaseId);
        paid.ReimbursementIds.Should().Contain("5559990001");
        await lobby.CloseAsync();
        await reimbursements.CloseAsync();
    }

    [Fact]
    public async Task ClaimOnAWaitingFindingIsRefusedWithTheReasonAndOpensNothing()
    {
        // Arrange: a finding Amazon may still settle on its own (its reference date is today).
        await using var companion = CompanionServer.Start();
        var window = PolicyTable.Defaults().Find("US", ClaimType.LostWarehouse, companion.Today).WindowDays;
        var waitingSeed = new Seed("waiting-8712345003", ClaimType.LostWarehouse, 2, DaysToDeadline: window, Amount: 25.98m, ReferenceId: "8712345003", Fnsku: "X00EFGH456");
        var waiting = companion.SeedFindings(waitingSeed)[waitingSeed.Key];
        waiting.Status.Should().Be(FindingStatus.Waiting);
        var token = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, token.Token, token.Id);
        await using var routes = await ClaimPages.RouteAsync(chromium.Context);
        var ledger = await chromium.OpenSellerCentralAsync(ChromiumFixture.ReportPath("INVENTORY_LEDGER"));
        var badge = Badges.Badge(ledger, waiting.Id);
        await badge.Locator("[data-part=chip]").ClickAsync();
        var tabs = chromium.Context.Pages.Count;

        // Act
        await badge.Locator("[data-action=claim]").ClickAsync();

        // Assert: the badge says why; no tab was opened; the finding is unchanged.
        await Expect(badge.Locator("[data-part=message]")).ToHaveTextAsync(new Regex("^Not yet: this finding is Waiting"));
        chromium.Context.Pages.Count.Should().Be(tabs);
        (await ClaimPages.OpenedTabUrlsAsync(chromium, "https://sellercentral.amazon.com/gp/help/*")).Should().BeEmpty();
        companion.Findings.Get(waiting.Id)!.Status.Should().Be(FindingStatus.Waiting);
    }

    [Fact]
    public async Task FieldsTheFormDoesNotHaveAreListedWithTheirValuesForTheSellerToType()
    {
        // Arrange: a native form with FNSKU and a message box only.
        await using var companion = CompanionServer.Start();
        var lost = companion.SeedFindings(LedgerSeeds.Lost)[LedgerSeeds.Lost.Key];
        var draft = companion.Services.GetRequiredService<ClaimDrafter>().Drafts(null, lost.Id).Single();
        var token = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, token.Token, token.Id);
        await using var routes = await ClaimPages.RouteAsync(chromium.Context, caseForm: "claim-simple-form.html");
        var ledger = await chromium.OpenSellerCentralAsync(ChromiumFixture.ReportPath("INVENTORY_LEDGER"));

        // Act: Claim from the panel.
        var form = await chromium.Context.RunAndWaitForPageAsync(() =>
            ledger.Locator($"refully-panel li[data-finding-id='{lost.Id}'] [data-action=claim]").ClickAsync());
        await ClaimPages.LoadAgainAsync(form, $"{draft.FileAt.Url}#refully-claim={draft.Id}");

        // Assert: FNSKU and the message are filled; Quantity and Subject are listed with their values and a Copy button.
        var card = form.Locator("refully-claim-card");
        await Expect(card.Locator("[data-part=status]")).ToHaveTextAsync(new Regex("^Filled 2 of 4 fields"));
        var value = draft.Fields.ToDictionary(f => f.Name, f => f.Value);
        var label = draft.Fields.ToDictionary(f => f.Name, f => f.Label);
        await Expect(form.Locator("input[name=fnsku-input]")).ToHaveValueAsync(value["fnsku"]);
        (await form.Locator("#message").InputValueAsync()).Should().Be(value["description"]);
        var unfilled = card.Locator("[data-part=unfilled] li");
        await Expect(unfilled).ToHaveCountAsync(2);
        foreach (var name in new[] { "quantity", "subject" })
        {
            var item = card.Locator($"[data-part=unfilled] li[data-name={name}]");
            await Expect(item).ToContainTextAsync($"{label[name]}: ");
            await Expect(item.GetByRole(AriaRole.Button)).ToHaveAccessibleNameAsync($"Copy {label[name]}");
        }
        await Expect(card.Locator("[data-part=filled] li")).ToHaveCountAsync(2);
        (await form.EvaluateAsync<int>("() => window.fixture.submits")).Should().Be(0);
        form.Url.Should().Be($"{draft.FileAt.Url}#refully-claim={draft.Id}", "nothing was submitted");
    }

    [Fact]
    public async Task ADraftLinkWithTheClaimHashFillsTheFormAsTheDashboardOpensIt()
    {
        // Arrange
        await using var companion = CompanionServer.Start();
        var lost = companion.SeedFindings(LedgerSeeds.Lost)[LedgerSeeds.Lost.Key];
        var draft = companion.Services.GetRequiredService<ClaimDrafter>().Drafts(null, lost.Id).Single();
        var token = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, token.Token, token.Id);
        await using var routes = await ClaimPages.RouteAsync(chromium.Context);

        // Act: open the draft's address with #refully-claim=<id>, as the dashboard's link does.
        var form = await chromium.Context.NewPageAsync();
        await form.GotoAsync($"{draft.FileAt.Url}#refully-claim={draft.Id}");

        // Assert: every field filled with the draft's value.
        await Expect(form.Locator("refully-claim-card [data-part=status]")).ToHaveTextAsync(new Regex("^Filled 4 of 4 fields"));
        var inner = form.Frames.Single(f => f.Url.EndsWith(HillForm, StringComparison.Ordinal));
        var values = await inner.EvaluateAsync<Dictionary<string, string>>("() => window.fixture.values()");
        foreach (var field in draft.Fields)
        {
            values[field.Name].Should().Be(field.Value);
        }
        (await inner.EvaluateAsync<int>("() => window.fixture.submits")).Should().Be(0);

        // The tab now files this draft: the case id on the case page records it.
        await form.GotoAsync($"{ChromiumFixture.SellerCentral}/hill/website/case-created?ref=hill");
        await Expect(form.Locator("refully-claim-card [data-part=filed]")).ToHaveTextAsync($"Filed as case {ClaimPages.CaseId}.");
        companion.Findings.Get(lost.Id)!.CaseId.Should().Be(ClaimPages.CaseId);
    }

    [Fact]
    public async Task ClaimWarnsNearTheDailyCaseLimitAndOpensNothingOnceItIsReached()
    {
        // Arrange: 8 cases filed today (the warning starts at 80 % of 10), and a claimable finding on the ledger.
        await using var companion = CompanionServer.Start();
        var others = Enumerable.Range(1, 10)
            .Select(i => new Seed($"other-{i}", ClaimType.LostWarehouse, 1, DaysToDeadline: 5, Amount: 5m, ReferenceId: $"77000000{i:00}", Fnsku: $"X00OTHER{i:00}")).ToArray();
        var seeded = companion.SeedFindings([LedgerSeeds.Lost, .. others]);
        var lost = seeded[LedgerSeeds.Lost.Key];
        var tracker = companion.Services.GetRequiredService<ClaimTracker>();
        void File(int from, int to)
        {
            for (var i = from; i <= to; i++)
            {
                tracker.MarkFiled([seeded[$"other-{i}"].Id], $"190000000{i:00}", "test");
            }
        }
        File(1, 8);
        var token = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, token.Token, token.Id);
        await using var routes = await ClaimPages.RouteAsync(chromium.Context);
        var ledger = await chromium.OpenSellerCentralAsync(ChromiumFixture.ReportPath("INVENTORY_LEDGER"));
        var claim = ledger.Locator($"refully-panel li[data-finding-id='{lost.Id}'] [data-action=claim]");
        var message = ledger.Locator($"refully-panel li[data-finding-id='{lost.Id}'] [data-part=message]");

        // Act + Assert: near the limit the form opens, and the panel shows the warning.
        var form = await chromium.Context.RunAndWaitForPageAsync(() => claim.ClickAsync());
        await Expect(message).ToHaveTextAsync("8 of 10 cases recorded today in US: close to the daily case limit.");
        await form.CloseAsync();

        // Act + Assert: at the limit nothing opens and the panel says why.
        File(9, 10);
        var tabs = chromium.Context.Pages.Count;
        await claim.ClickAsync();
        await Expect(message).ToHaveTextAsync(new Regex("^10 of 10 cases recorded today in US: the daily case limit is reached"));
        chromium.Context.Pages.Count.Should().Be(tabs);
        companion.Findings.Get(lost.Id)!.Status.Should().Be(FindingStatus.Claimable);
    }
}
