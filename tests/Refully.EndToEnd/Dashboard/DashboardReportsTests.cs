using Microsoft.Extensions.DependencyInjection;
using Refully.Companion.Storage;
using Refully.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Refully.EndToEnd.Dashboard;

/// <summary>Uploading report files from the dashboard: the job's per-file progress and result, then the findings.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardReportsTests(DashboardBrowserFixture browser) : IDisposable
{
    private readonly SellerData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task UploadedReportsShowTheirPerFileResultAndTheirFindingsAppear()
    {
        // Arrange: an empty companion and a paired dashboard.
        await using var companion = CompanionServer.Start();
        await using var dashboard = await browser.OpenAsync(companion);
        await dashboard.PairAsync();
        await Expect(dashboard.Id("totals-table")).ToContainTextAsync("No findings yet");
        await dashboard.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();

        // Act: upload a ledger, the costs file and something that is not a report.
        await dashboard.Id("report-files").SetInputFilesAsync([_data.LedgerFile, _data.CostsFile, _data.NotAReportFile]);
        await dashboard.Id("upload").ClickAsync();

        // Assert: the job is followed to its end, with one row per file and what each was read as.
        var job = dashboard.Page.Locator(".job-card");
        await Expect(job).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        var files = job.Locator("tbody tr");
        await Expect(files).ToHaveCountAsync(3);
        var ledger = files.Filter(new() { HasText = "ledger.tsv" });
        await Expect(ledger).ToHaveAttributeAsync("data-state", "imported");
        await Expect(ledger).ToContainTextAsync("InventoryLedgerDetail");
        await Expect(ledger.Locator("td").Nth(2)).ToHaveTextAsync("5");
        await Expect(ledger.Locator("td").Nth(4)).ToHaveTextAsync("CA, US");
        await Expect(ledger.Locator("td").Nth(5)).ToHaveTextAsync($"{_data.Today.AddDays(-57):yyyy-MM-dd} to {_data.Today.AddDays(-10):yyyy-MM-dd}");
        await Expect(files.Filter(new() { HasText = "costs.csv" })).ToContainTextAsync("UnitCosts");
        var notes = files.Filter(new() { HasText = "notes.txt" });
        await Expect(notes).ToHaveAttributeAsync("data-state", "rejected");
        await Expect(notes.Locator(".problems li").First).ToContainTextAsync("not a known report");

        // The upload ends with a rescan, so the findings are there.
        await Expect(dashboard.Id("reports-message")).ToContainTextAsync("2 of 3 files imported; 5 findings detected.", new() { Timeout = 30_000 });
        companion.Services.GetRequiredService<FindingStore>().Query(new FindingQuery()).Should().HaveCount(5);
        await dashboard.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Findings", Exact = true }).ClickAsync();
        await Expect(dashboard.Id("findings-table").Locator("tbody tr")).ToHaveCountAsync(5);
        dashboard.ShouldHaveStayedOnTheCompanion();
    }
}
