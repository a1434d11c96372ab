using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Storage;
using Refully.Tests.Infrastructure;

namespace Refully.Tests.Detection.Engine;

public sealed class FindingEndpointTests : IDisposable
{
    private readonly CompanionFactory _factory = new();
    private readonly HttpClient _client;
    private readonly IReadOnlyList<FindingDocument> _seeded;

    public FindingEndpointTests()
    {
        _client = _factory.Client(_factory.IssueToken());
        var findings = new DetectionEngine(PolicyTable.Defaults(),
        [
            new StubDetector(ClaimType.LostWarehouse, Confidence.High,
                StubDetector.Candidate(key: "a", fnsku: "X00AAA0001", sku: "SKU-A"),
                StubDetector.Candidate(key: "b", fnsku: "X00BBB0002", sku: "SKU-B", marketplace: "CA")),
            new StubDetector(ClaimType.DisposedWithoutRequest, Confidence.Review,
                StubDetector.Candidate(ClaimType.DisposedWithoutRequest, key: "c", fnsku: "X00CCC0003")),
        ]).Run(new DetectionInput(), new DateOnly(2026, 10, 5));
        _seeded = _factory.Services.GetRequiredService<FindingStore>().Sync(findings, "test");
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task FindingsAreListedWithTheScanContractFields()
    {
        var list = await (await _client.GetAsync("/api/findings")).Json();

        list.GetArrayLength().Should().Be(3);
        var first = list.EnumerateArray().First(f => f.GetProperty("fnsku").GetString() == "X00AAA0001");
        first.GetProperty("type").GetString().Should().Be("LostWarehouse");
        first.GetProperty("status").GetString().Should().Be("Claimable");
        first.GetProperty("eligibleFrom").GetString().Should().Be("2026-10-01");
        first.GetProperty("deadline").GetString().Should().Be("2026-10-31");
        first.GetProperty("evidence")[0].GetProperty("source").GetString().Should().Be("ledger");
    }

    [Theory]
    [InlineData("?status=Claimable", 2)]
    [InlineData("?status=needsreview", 1)]
    [InlineData("?type=LostWarehouse", 2)]
    [InlineData("?marketplace=CA", 1)]
    [InlineData("?fnsku=X00CCC0003", 1)]
    [InlineData("?sku=SKU-B", 1)]
    [InlineData("?order=111-0000000-0000000", 0)]
    public async Task FindingsCanBeFiltered(string query, int expected)
    {
        var list = await (await _client.GetAsync("/api/findings" + query)).Json();

        list.GetArrayLength().Should().Be(expected);
    }

    [Fact]
    public async Task AnUnknownFilterValueIsAProblem()
    {
        var response = await _client.GetAsync("/api/findings?status=Lost");

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "INVALID_FILTER");
    }

    [Fact]
    public async Task OneFindingComesWithItsHistory()
    {
        var id = _seeded[0].Id;

        var detail = await (await _client.GetAsync($"/api/findings/{id}")).Json();

        detail.GetProperty("finding").GetProperty("id").GetString().Should().Be(id);
        detail.GetProperty("history").GetArrayLength().Should().Be(1);
        (await _client.GetAsync("/api/findings/nope")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DismissingNeedsAReasonAndIsKept()
    {
        var id = _seeded.First(f => f.Type == ClaimType.LostWarehouse).Id;

        var noReason = await _client.PostAsJsonAsync($"/api/findings/{id}/dismiss", new { reason = " " });
        var dismissed = await (await _client.PostAsJsonAsync($"/api/findings/{id}/dismiss", new { reason = "Sold the units as used" })).Json();

        await noReason.ShouldBeProblem(HttpStatusCode.BadRequest, "REASON_REQUIRED");
        dismissed.GetProperty("finding").GetProperty("status").GetString().Should().Be("Dismissed");
        dismissed.GetProperty("dismissReason").GetString().Should().Be("Sold the units as used");
        dismissed.GetProperty("history").EnumerateArray().Last().GetProperty("note").GetString().Should().Be("Sold the units as used");
    }

    [Fact]
    public async Task ConfirmingAReviewFindingMakesItClaimable()
    {
        var id = _seeded.Single(f => f.Type == ClaimType.DisposedWithoutRequest).Id;

        var confirmed = await (await _client.PostAsync($"/api/findings/{id}/confirm", null)).Json();

        confirmed.GetProperty("finding").GetProperty("status").GetString().Should().Be("Claimable");
    }

    [Fact]
    public async Task FindingsNeedTheToken()
    {
        var response = await _factory.Client().GetAsync("/api/findings");

        await response.ShouldBeProblem(HttpStatusCode.Unauthorized, "TOKEN_REQUIRED");
    }
}
