using Refully.Companion.Api;
using Refully.Companion.Claims;
using Refully.Companion.Detection;
using static Refully.Tests.Claims.ClaimWorld;

namespace Refully.Tests.Claims;

public sealed class ClaimGuardRailTests : IDisposable
{
    private readonly ClaimWorld _world = new(new ClaimOptions { DailyCaseLimit = 5, WarningRatio = 0.8 });

    public void Dispose() => _world.Dispose();

    private static string Code(Action act) => act.Should().Throw<ClaimException>().Which.Code;

    [Fact]
    public void FilingADraftMarksItsFindingsFiledWithTheCaseAndTheClaimedAmount()
    {
        _world.Seed(C(ClaimType.LostWarehouse, "a", referenceId: "1"), C(ClaimType.LostWarehouse, "b", referenceId: "2"));
        var draft = _world.Drafter.Drafts().Single();

        var result = _world.Tracker.MarkDraftFiled(draft.Id, " 12345678901 ", "extension");

        result.AlreadyRecorded.Should().BeFalse();
        result.Findings.Should().HaveCount(2).And.OnlyContain(f =>
            f.Status == FindingStatus.Filed && f.CaseId == "12345678901" && f.DraftId == draft.Id && f.FiledUnits == 2 && f.FiledAmount == 17.40m
            && f.FiledAt == _world.Time.GetUtcNow().UtcDateTime);
        var last = result.Findings[0].History[^1];
        last.Status.Should().Be(FindingStatus.Filed);
        last.Source.Should().Be("extension");
        last.Note.Should().Contain("case 12345678901").And.Contain(draft.Id);
        _world.Drafter.Drafts().Should().BeEmpty();
    }

    [Fact]
    public void WaitingFindingsCannotBeFiled()
    {
        var waiting = _world.Seed(C(ClaimType.LostWarehouse, "w", reference: AsOf.AddDays(-2))).Single();
        waiting.Status.Should().Be(FindingStatus.Waiting);

        Code(() => _world.Tracker.MarkFiled([waiting.Id], "12345678901", "seller")).Should().Be(ProblemCodes.ClaimWaiting);
        _world.Findings.Get(waiting.Id)!.Status.Should().Be(FindingStatus.Waiting);
    }

    [Fact]
    public void AFiledFindingNeverGetsASecondCase()
    {
        _world.Seed(C(ClaimType.LostWarehouse, "a"));
        var draft = _world.Drafter.Drafts().Single();
        _world.Tracker.MarkDraftFiled(draft.Id, "12345678901", "extension");

        Code(() => _world.Tracker.MarkDraftFiled(draft.Id, "99999999999", "extension")).Should().Be(ProblemCodes.ClaimAlreadyFiled);
        Code(() => _world.Tracker.MarkFiled(draft.FindingIds, "99999999999", "seller")).Should().Be(ProblemCodes.ClaimAlreadyFiled);
        var again = _world.Tracker.MarkDraftFiled(draft.Id, "12345678901", "extension");

        again.AlreadyRecorded.Should().BeTrue("the same case reported twice (a retry) is not a second case");
        _world.Findings.Get(draft.FindingIds[0])!.History.Count(h => h.Status == FindingStatus.Filed).Should().Be(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("123")]
    public void CaseIdsMustBeSellerCentralCaseNumbers(string caseId)
    {
        var f = _world.Seed(C(ClaimType.LostWarehouse, "a")).Single();

        Code(() => _world.Tracker.MarkFiled([f.Id], caseId, "seller")).Should().Be(ProblemCodes.CaseIdInvalid);
    }

    [Fact]
    public void UnknownDraftsAndFindingsAreNotFound()
    {
        Code(() => _world.Tracker.MarkDraftFiled("cd-0000000000000000", "12345678901", "x")).Should().Be(ProblemCodes.DraftNotFound);
        Code(() => _world.Tracker.MarkFiled(["nope"], "12345678901", "x")).Should().Be(ProblemCodes.FindingNotFound);
    }

    [Fact]
    public void TheDailyLimitWarnsFromEightyPercentAndThenRefuses()
    {
        var found = _world.Seed(Enumerable.Range(0, 7).Select(i => C(ClaimType.LostWarehouse, $"k{i}", fnsku: $"X00AAA{i:D4}")).ToArray());
        var limits = new List<DailyLimit>();
        for (var i = 0; i < 5; i++)
        {
            limits.Add(_world.Tracker.MarkFiled([found[i].Id], $"1000000000{i}", "seller").Limit);
        }

        limits.Select(l => l.FiledToday).Should().Equal(1, 2, 3, 4, 5);
        limits.Select(l => l.NearLimit).Should().Equal(false, false, false, true, true);
        limits[2].Warning.Should().BeNull();
        limits[3].Warning.Should().Contain("4 of 5").And.Contain("close to the daily case limit");
        limits[4].Reached.Should().BeTrue();
        Code(() => _world.Tracker.MarkFiled([found[5].Id], "10000000005", "seller")).Should().Be(ProblemCodes.DailyLimitReached);
        _world.Findings.Get(found[5].Id)!.Status.Should().Be(FindingStatus.Claimable);

        var acknowledged = _world.Tracker.MarkFiled([found[5].Id], "10000000005", "seller", acknowledgeLimit: true);
        acknowledged.Findings.Single().History[^1].Note.Should().Contain("over the daily case limit");
        _world.Tracker.Limits().FiledToday.Should().Be(6);
    }

    [Fact]
    public void TheLimitCountsCasesFiledTodayInTheMarketplacesTimeZone()
    {
        var found = _world.Seed(
            C(ClaimType.LostWarehouse, "a", fnsku: "X00AAA0001"),
            C(ClaimType.LostWarehouse, "b", fnsku: "X00AAA0002"),
            C(ClaimType.LostWarehouse, "c", fnsku: "X00AAA0003"),
            C(ClaimType.LostWarehouse, "d", "DE", fnsku: "X00AAA0004"));
        _world.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero)); // 26 Nov, 23:00 in Los Angeles
        string Id(string fnsku) => found.Single(f => f.Fnsku == fnsku).Id;
        _world.Tracker.MarkFiled([Id("X00AAA0001")], "10000000001", "seller");
        _world.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)); // 27 Nov, 01:00 in Los Angeles
        _world.Tracker.MarkFiled([Id("X00AAA0002"), Id("X00AAA0003")], "10000000002", "seller"); // one case for two findings

        var us = _world.Tracker.Limit("US");

        us.Date.Should().Be(new DateOnly(2026, 11, 27));
        us.FiledToday.Should().Be(1, "the first case was filed yesterday in Los Angeles, and two findings in one case are one case");
        _world.Tracker.Limit("DE").FiledToday.Should().Be(0);
        _world.Tracker.Limits("de").Marketplaces.Should().ContainSingle().Which.Marketplace.Should().Be("DE");
    }
}
