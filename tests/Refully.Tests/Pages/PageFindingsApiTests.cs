using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using Refully.Companion.Reports.Import;
using Refully.Companion.Storage;
using Refully.Tests.Infrastructure;

namespace Refully.Tests.Pages;

/// <summary>POST /api/pages end to end: records stored once, detection, the findings of the page with their anchors.</summary>
public sealed class PageFindingsApiTests : IDisposable
{
    private const string LedgerUrl = "https://sellercentral.amazon.com/reportcentral/INVENTORY_LEDGER/0";

    private static readonly string[][] Rows =
    [
        ["10/20/2026", "X00LOST001", "B0LOST0001", "LOST-MUG", "Lost mug", "Adjustments", "7712345678", "-3", "PHX6", "SELLABLE", "M", "US"],
        ["10/02/2026", "X00LOST001", "B0LOST0001", "LOST-MUG", "Lost mug", "Receipts", "FBA15RECV001", "40", "PHX6", "SELLABLE", "", "US"],
        ["10/21/2026", "X00OTHER01", "B0OTHER001", "OTHER-MUG", "Other mug", "CustomerReturns", "114-1111111-2222222", "1", "PHX6", "SELLABLE", "", "US"],
    ];

    private static readonly string[] Headers =
        ["Date", "FNSKU", "ASIN", "MSKU", "Title", "Event Type", "Reference ID", "Quantity", "Fulfillment Center", "Disposition", "Reason", "Country"];

    private readonly CompanionFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.Client(_factory.IssueToken());

    /// <summary>The ledger's online view: Katal table, header texts inside shadow roots, the rows in light DOM.</summary>
    private static string LedgerPage(IEnumerable<string[]> rows)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><title>Inventory Ledger</title></head><body><kat-table><template shadowrootmode=\"open\"><slot></slot></template><kat-table-head><kat-table-row>");
        foreach (var header in Headers)
        {
            html.Append($"<kat-table-cell><template shadowrootmode=\"open\"><span>{header}</span></template></kat-table-cell>");
        }
        html.Append("</kat-table-row></kat-table-head><kat-table-body>");
        foreach (var row in rows)
        {
            html.Append("<kat-table-row>").AppendJoin("", row.Select(c => $"<kat-table-cell>{c}</kat-table-cell>")).Append("</kat-table-row>");
        }
        return html.Append("</kat-table-body></kat-table></body></html>").ToString();
    }

    private async Task<(HttpResponseMessage Response, System.Text.Json.JsonElement Answer)> Post(string url, string html)
    {
        var response = await Client().PostAsJsonAsync("/api/pages", new { url, title = "page", capturedAt = "2026-11-26T08:59:00Z", html });
        return (response, await response.Json());
    }

    [Fact]
    public async Task ALostEventOnTheLedgerPageComesBackAsAFindingAnchoredAtItsReferenceId()
    {
        var (response, answer) = await Post(LedgerUrl, LedgerPage(Rows));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        answer.GetProperty("records").GetProperty("inserted").GetInt32().Should().Be(3);
        var findings = answer.GetProperty("findings").EnumerateArray().ToList();
        var lost = findings.Should().ContainSingle(f => f.GetProperty("finding").GetProperty("type").GetString() == "LostWarehouse").Subject;
        lost.GetProperty("finding").GetProperty("referenceId").GetString().Should().Be("7712345678");
        lost.GetProperty("anchors").EnumerateArray().Select(a => a.GetString()).Should().Equal("7712345678", "X00LOST001");
        var summary = answer.GetProperty("summary");
        summary.GetProperty("claimableCount").GetInt32().Should().Be(
            findings.Count(f => f.GetProperty("finding").GetProperty("status").GetString() == "Claimable"));
        summary.TryGetProperty("claimable", out _).Should().BeTrue();
        summary.TryGetProperty("unknownValueCount", out _).Should().BeTrue();
        summary.TryGetProperty("expiringThisWeek", out _).Should().BeTrue();
        // The intake's own parts, then the whole request inside the companion (body, JSON, token check and intake), at least its total.
        var timing = string.Join(", ", response.Headers.GetValues("Server-Timing"));
        timing.Should().MatchRegex(@"^parse;dur=[\d.]+, store;dur=[\d.]+, detect;dur=[\d.]+, total;dur=[\d.]+, request;dur=[\d.]+$");
        var parts = timing.Split(", ").ToDictionary(p => p.Split(";dur=")[0], p => double.Parse(p.Split(";dur=")[1], System.Globalization.CultureInfo.InvariantCulture));
        parts["request"].Should().BeGreaterThanOrEqualTo(parts["total"]);
    }

    [Fact]
    public async Task TheSamePagePostedAgainStoresNothingNewAndStillListsTheFinding()
    {
        await Post(LedgerUrl, LedgerPage(Rows));
        var (_, again) = await Post(LedgerUrl, LedgerPage(Rows));

        again.GetProperty("records").GetProperty("inserted").GetInt32().Should().Be(0);
        again.GetProperty("records").GetProperty("updated").GetInt32().Should().Be(0);
        again.GetProperty("records").GetProperty("unchanged").GetInt32().Should().Be(3);
        again.GetProperty("findings").EnumerateArray().Should().Contain(f => f.GetProperty("finding").GetProperty("referenceId").GetString() == "7712345678");
        _factory.Services.GetRequiredService<RecordStore>().Count<LedgerEvent>().Should().Be(3);
    }

    [Fact]
    public async Task APageOfRowsADownloadAlreadyImportedAddsNoDuplicateRecords()
    {
        var tsv = string.Join("\n", new[] { Headers.Append("Reconciled Quantity").Append("Unreconciled Quantity").Append("Date and Time") }
            .Concat(Rows.Select(r => r.Append("0").Append(r[5] == "Adjustments" ? "3" : "0").Append("2026-10-20T08:15:00-0700")))
            .Select(r => string.Join('\t', r))) + "\n";
        var import = _factory.Services.GetRequiredService<ReportImporter>().Import(new ReportInput("ledger.txt", () => new MemoryStream(Encoding.UTF8.GetBytes(tsv))));
        import.Rejected.Should().BeFalse(string.Join("; ", import.Problems));
        var store = _factory.Services.GetRequiredService<RecordStore>();
        var before = store.Snapshot();

        var (_, answer) = await Post(LedgerUrl, LedgerPage(Rows.Select(r => r.Select(c => c == "SELLABLE" ? "Sellable" : c).ToArray())));

        answer.GetProperty("records").GetProperty("inserted").GetInt32().Should().Be(0);
        answer.GetProperty("records").GetProperty("unchanged").GetInt32().Should().Be(3);
        store.Snapshot().Should().BeEquivalentTo(before, "the page shows the same facts the download holds");
    }

    [Fact]
    public async Task ALedgerViewWithoutTheFulfillmentCenterColumnLocatesFindingsButStoresNothing()
    {
        await Post(LedgerUrl, LedgerPage(Rows));
        var withoutFc = LedgerPage(Rows).Replace("<span>Fulfillment Center</span>", "<span>Warehouse code</span>");
        var store = _factory.Services.GetRequiredService<RecordStore>();
        var before = store.Snapshot();

        var (_, answer) = await Post(LedgerUrl, withoutFc);

        answer.GetProperty("records").GetProperty("anchorOnly").GetInt32().Should().Be(3);
        answer.GetProperty("records").GetProperty("inserted").GetInt32().Should().Be(0);
        answer.GetProperty("findings").EnumerateArray().Should().Contain(f => f.GetProperty("anchors")[0].GetString() == "7712345678");
        store.Snapshot().Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task DismissedFindingsAreLeftOut()
    {
        var (_, first) = await Post(LedgerUrl, LedgerPage(Rows));
        var id = first.GetProperty("findings")[0].GetProperty("finding").GetProperty("id").GetString()!;
        _factory.Services.GetRequiredService<FindingStore>().SetLifecycle(id, Refully.Companion.Detection.FindingStatus.Dismissed, "test");

        var (_, again) = await Post(LedgerUrl, LedgerPage(Rows));

        again.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("finding").GetProperty("id").GetString()).Should().NotContain(id);
    }

    [Fact]
    public async Task APageOfNoKnownTypeIsStoredAsUnrecognisedAndAnsweredWithNoFindings()
    {
        await Post(LedgerUrl, LedgerPage(Rows));

        var (response, answer) = await Post("https://sellercentral.amazon.com/home", "<html><body><h1>Global Snapshot</h1><p>7712345678</p></body></html>");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        answer.GetProperty("pageType").GetString().Should().Be("Unrecognised");
        answer.GetProperty("recognised").GetBoolean().Should().BeFalse();
        answer.GetProperty("findings").GetArrayLength().Should().Be(0);
        answer.GetProperty("summary").GetProperty("claimableCount").GetInt32().Should().Be(0);
        _factory.Services.GetRequiredService<PageStore>().RecentVisits(1).Single().PageType.Should().Be("Unrecognised");
    }
}
