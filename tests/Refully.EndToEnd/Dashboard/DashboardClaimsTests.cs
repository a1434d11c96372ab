using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Refully.Companion.Detection;
using Refully.Companion.Storage;
using Refully.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Refully.EndToEnd.Dashboard;

/// <summary>Claim drafts in the dashboard: the list, one draft with where to file and what to write, and Mark as filed.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardClaimsTests(DashboardBrowserFixture browser) : IDisposable
{
    private readonly SellerData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task ADraftShowsWhereToFileWhatToWriteAndIsMarkedFiledWithItsCaseId()
    {
        // Arrange: claimable findings, and the drafts the companion makes of them.
        await using var companion = CompanionServer.Start();
        await _data.ImportAsync(companion);
        var drafts = await ApiAsync(companion, "/api/claims/drafts");
        drafts.GetArrayLength().Should().BeGreaterThan(0);
        var draft = drafts.EnumerateArray().First(d => d.GetProperty("findingIds").EnumerateArray()
            .Any(id => companion.Services.GetRequiredService<FindingStore>().Get(id.GetString()!)!.Sku == "SKU-RED"));
        var draftId = draft.GetProperty("id").GetString()!;
        var detail = await ApiAsync(companion, $"/api/claims/drafts/{draftId}");
        await using var dashboard = await browser.OpenAsync(companion);
        await dashboard.PairAsync();

        // Act: the drafts list.
        await dashboard.Page.GetByRole(AriaRole.Link, new() { Name = "Claims", Exact = true }).ClickAsync();

        // Assert: one row per draft, today's count against the limit.
        var rows = dashboard.Id("drafts-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(drafts.GetArrayLength());
        await Expect(dashboard.Id("claims-limits")).ToContainTextAsync("Cases filed today");
        await Expect(dashboard.Id("claims-limits")).ToContainTextAsync("0 of");

        // Act: open the draft.
        await dashboard.Page.Locator($"#drafts-table tbody tr[data-id='{draftId}'] a").ClickAsync();

        // Assert: the Seller Central link carries the draft id for the extension; subject, body, fields and attachments.
        var link = dashboard.Id("draft-file-link");
        var url = detail.GetProperty("fileAt").GetProperty("url").GetString()!;
        var expectedHref = new UriBuilder(url) { Fragment = $"refully-claim={draftId}" }.Uri.AbsoluteUri;
        await Expect(link).ToHaveAttributeAsync("href", expectedHref);
        await Expect(link).ToHaveAttributeAsync("target", "_blank");
        await Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await Expect(dashboard.Id("draft-subject")).ToHaveTextAsync(detail.GetProperty("subject").GetString()!);
        (await dashboard.Id("draft-body").TextContentAsync()).Should().Be(detail.GetProperty("body").GetString());
        var fields = detail.GetProperty("fields").EnumerateArray().ToList();
        await Expect(dashboard.Id("draft-fields").Locator("tbody tr")).ToHaveCountAsync(fields.Count);
        foreach (var field in fields)
        {
            var fieldRow = dashboard.Page.Locator($"#draft-fields tbody tr[data-name='{field.GetProperty("name").GetString()}']");
            await Expect(fieldRow.Locator("td").Nth(1)).ToHaveTextAsync(field.GetProperty("value").GetString()!);
            await Expect(fieldRow.GetByRole(AriaRole.Button)).ToHaveAccessibleNameAsync($"Copy {field.GetProperty("label").GetString()}");
        }
        var attachments = detail.GetProperty("attachments").GetArrayLength();
        await Expect(dashboard.Id("draft-attachments").Locator("input[type=checkbox]")).ToHaveCountAsync(attachments);

        // Act: Mark as filed with the case id Seller Central gave.
        await dashboard.Id("case-id").FillAsync("19876543210");
        await dashboard.Id("mark-filed").ClickAsync();

        // Assert: the companion holds the case on every finding of the draft; today's count went up.
        await Expect(dashboard.Id("draft-message")).ToContainTextAsync("Marked as filed with case 19876543210");
        await Expect(dashboard.Id("draft-limits")).ToContainTextAsync("1 of");
        var store = companion.Services.GetRequiredService<FindingStore>();
        foreach (var id in detail.GetProperty("findingIds").EnumerateArray())
        {
            var finding = store.Get(id.GetString()!)!;
            finding.Status.Should().Be(FindingStatus.Filed);
            finding.CaseId.Should().Be("19876543210");
        }
        dashboard.ShouldHaveStayedOnTheCompanion();
    }

    private static async Task<JsonElement> ApiAsync(CompanionServer companion, string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri(companion.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", companion.Tokens.Issue("test", null).Token);
        return await http.GetFromJsonAsync<JsonElement>(path);
    }
}
