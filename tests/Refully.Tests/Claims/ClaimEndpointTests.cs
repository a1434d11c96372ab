using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Domain.Records;
using Refully.Companion.Storage;
using Refully.Tests.Detection.Engine;
using Refully.Tests.Infrastructure;
using static Refully.Tests.Claims.ClaimWorld;

namespace Refully.Tests.Claims;

public sealed class ClaimEndpointTests : IDisposable
{
    private readonly CompanionFactory _factory = new(new() { ["Claims:DailyCaseLimit"] = "2" });
    private readonly HttpClient _client;
    private readonly IReadOnlyList<FindingDocument> _seeded;

    public ClaimEndpointTests()
    {
        _client = _factory.Client(_factory.IssueToken());
        var computed = new DetectionEngine(PolicyTable.Defaults(),
        [
            new StubDetector(ClaimType.LostWarehouse, Confidence.High,
                C(ClaimType.LostWarehouse, "a", fnsku: "X00AAA0001"),
                C(ClaimType.LostWarehouse, "b", fnsku: "X00BBB0002"),
                C(ClaimType.LostWarehouse, "c", fnsku: "X00CCC0003"),
                C(ClaimType.LostWarehouse, "d", "DE", fnsku: "X00DDD0004"),
                C(ClaimType.LostWarehouse, "w", fnsku: "X00WWW0005", reference: AsOf.AddDays(-2))),
        ]).Run(new DetectionInput(), AsOf);
        _seeded = _factory.Services.GetRequiredService<FindingStore>().Sync(computed, "test");
    }

    public void Dispose() => _factory.Dispose();

    private string IdOf(string fnsku) => _seeded.Single(f => f.Fnsku == fnsku).Id;

    private async Task<string> DraftIdOf(string fnsku) =>
        (await (await _client.GetAsync($"/api/claims/drafts?findingId={IdOf(fnsku)}")).Json())[0].GetProperty("id").GetString()!;

    [Fact]
    public async Task DraftsAreListedWithTheContractFields()
    {
        var all = await (await _client.GetAsync("/api/claims/drafts")).Json();
        var de = await (await _client.GetAsync("/api/claims/drafts?marketplace=DE")).Json();

        all.GetArrayLength().Should().Be(4, "the Waiting finding makes no draft");
        de.GetArrayLength().Should().Be(1);
        var d = de[0];
        foreach (var name in new[] { "id", "marketplace", "language", "claimType", "findingIds", "fileAt", "subject", "body", "fields", "attachments", "units", "amount", "currency", "deadline", "notes", "lines" })
        {
            d.TryGetProperty(name, out _).Should().BeTrue(name);
        }
        d.GetProperty("language").GetString().Should().Be("de");
        d.GetProperty("fileAt").GetProperty("url").GetString().Should().StartWith("https://sellercentral.amazon.de/");
        d.GetProperty("fileAt").GetProperty("verified").GetBoolean().Should().BeTrue();
        d.GetProperty("fields")[0].GetProperty("name").GetString().Should().Be("fnsku");

        var one = await (await _client.GetAsync($"/api/claims/drafts/{d.GetProperty("id").GetString()}?language=en")).Json();
        one.GetProperty("language").GetString().Should().Be("en");
        await (await _client.GetAsync("/api/claims/drafts/cd-0000000000000000")).ShouldBeProblem(HttpStatusCode.NotFound, "DRAFT_NOT_FOUND");
    }

    [Fact]
    public async Task FilingADraftAnswersTheFilingAndTheHistoryShowsIt()
    {
        var id = await DraftIdOf("X00AAA0001");

        var filed = await (await _client.PostAsJsonAsync($"/api/claims/drafts/{id}/filed", new { caseId = "12345678901" })).Json();

        filed.GetProperty("caseId").GetString().Should().Be("12345678901");
        filed.GetProperty("findings")[0].GetProperty("finding").GetProperty("status").GetString().Should().Be("Filed");
        filed.GetProperty("limit").GetProperty("filedToday").GetInt32().Should().Be(1);
        filed.GetProperty("warning").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "1 of 2 is below the warning at 80% (2 cases)");
        var detail = await (await _client.GetAsync($"/api/findings/{IdOf("X00AAA0001")}")).Json();
        detail.GetProperty("caseId").GetString().Should().Be("12345678901");
        var last = detail.GetProperty("history").EnumerateArray().Last();
        last.GetProperty("status").GetString().Should().Be("Filed");
        last.GetProperty("source").GetString().Should().Be("extension");
        detail.GetProperty("claim").GetProperty("draftId").GetString().Should().Be(id);
    }

    [Fact]
    public async Task GuardRailsAnswerWithStableCodes()
    {
        var first = await DraftIdOf("X00AAA0001");
        var second = await DraftIdOf("X00BBB0002");
        var third = await DraftIdOf("X00CCC0003");

        (await _client.PostAsJsonAsync($"/api/claims/drafts/{first}/filed", new { caseId = "10000000001" })).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await _client.PostAsJsonAsync($"/api/claims/drafts/{first}/filed", new { caseId = "10000000009" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "CLAIM_ALREADY_FILED");
        await (await _client.PostAsJsonAsync("/api/claims/filed", new { findingIds = new[] { IdOf("X00WWW0005") }, caseId = "10000000008" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "CLAIM_WAITING");
        await (await _client.PostAsJsonAsync($"/api/claims/drafts/{second}/filed", new { caseId = "no" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "CASE_ID_INVALID");
        var near = await (await _client.PostAsJsonAsync($"/api/claims/drafts/{second}/filed", new { caseId = "10000000002" })).Json();
        near.GetProperty("limit").GetProperty("reached").GetBoolean().Should().BeTrue();
        await (await _client.PostAsJsonAsync($"/api/claims/drafts/{third}/filed", new { caseId = "10000000003" }))
            .ShouldBeProblem(HttpStatusCode.TooManyRequests, "DAILY_LIMIT_REACHED");

        var limits = await (await _client.GetAsync("/api/claims/limits")).Json();
        limits.GetProperty("marketplace").GetString().Should().Be("US");
        limits.GetProperty("filedToday").GetInt32().Should().Be(2);
        limits.GetProperty("limit").GetInt32().Should().Be(2);
        limits.GetProperty("warning").GetString().Should().Contain("limit is reached");
        limits.GetProperty("marketplaces").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task DetectionRunsMoveFiledFindingsFromStoredRecords()
    {
        var id = await DraftIdOf("X00AAA0001");
        await _client.PostAsJsonAsync($"/api/claims/drafts/{id}/filed", new { caseId = "12345678901" });
        var records = _factory.Services.GetRequiredService<RecordStore>();
        records.Upsert([Paid("9001", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), 2, 17.40m, caseId: "12345678901"),
            Case("12345678901", "Closed", new DateOnly(2026, 11, 30))]);

        (await _client.PostAsync("/api/findings/rescan", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var detail = await (await _client.GetAsync($"/api/findings/{IdOf("X00AAA0001")}")).Json();

        detail.GetProperty("finding").GetProperty("status").GetString().Should().Be("Reimbursed");
        detail.GetProperty("amountRecovered").GetDecimal().Should().Be(17.40m);
        detail.GetProperty("claim").GetProperty("caseStatus").GetString().Should().Be("Closed");
        detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("source").GetString())
            .Should().Contain(["case-status", "reimbursement"]);
        (await (await _client.PostAsync("/api/claims/track", null)).Json()).GetProperty("changes").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task ClaimRoutesNeedTheToken()
    {
        var anonymous = _factory.Client();

        await (await anonymous.GetAsync("/api/claims/drafts")).ShouldBeProblem(HttpStatusCode.Unauthorized, "TOKEN_REQUIRED");
        await (await anonymous.PostAsJsonAsync("/api/claims/filed", new { caseId = "1" })).ShouldBeProblem(HttpStatusCode.Unauthorized, "TOKEN_REQUIRED");
    }
}
