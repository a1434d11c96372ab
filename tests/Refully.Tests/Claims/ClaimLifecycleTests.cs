using Refully.Companion.Claims;
using Refully.Companion.Detection;
using Refully.Companion.Domain.Records;
using Refully.Companion.Storage;
using static Refully.Tests.Claims.ClaimWorld;

namespace Refully.Tests.Claims;

public sealed class ClaimLifecycleTests : IDisposable
{
    private static readonly DateTimeOffset AfterFiling = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly ClaimWorld _world = new();

    public void Dispose() => _world.Dispose();

    /// <summary>One LostWarehouse finding (2 units, USD 17.40) of X00AAA0001, filed in case 12345678901 on 26 Nov.</summary>
    private FindingDocument Filed(ClaimType type = ClaimType.LostWarehouse, string? orderId = null, int units = 2)
    {
        var f = _world.Seed(C(type, "k", units: units, orderId: orderId, referenceId: "77")).Single();
        return _world.Tracker.MarkFiled([f.Id], "12345678901", "extension").Findings.Single();
    }

    private FindingDocument Track(IReadOnlyList<CaseRecord>? cases = null, params Reimbursement[] paid)
    {
        _world.Tracker.Track(cases ?? [], paid);
        return _world.Findings.Query(new FindingQuery()).Single();
    }

    [Theory]
    [InlineData("Work in progress", CaseState.WorkInProgress)]
    [InlineData("Answered", CaseState.Answered)]
    [InlineData("Pending Amazon action", CaseState.PendingAmazonAction)]
    [InlineData("PendingAmazonAction", CaseState.PendingAmazonAction)]
    [InlineData("Closed", CaseState.Closed)]
    [InlineData("Reopened", CaseState.Reopened)]
    [InlineData("Beantwortet", CaseState.Answered)]
    [InlineData("Geschlossen", CaseState.Closed)]
    [InlineData("Fermé", CaseState.Closed)]
    [InlineData("Chiuso", CaseState.Closed)]
    [InlineData("Respondido", CaseState.Answered)]
    [InlineData("回答済み", CaseState.Answered)]
    [InlineData("something else", CaseState.Unknown)]
    public void CaseStatusWordsAreMapped(string shown, CaseState expected) =>
        CaseStatuses.Parse(shown).Should().Be(expected);

    [Fact]
    public void CaseStatusUpdatesAreKeptOnTheFindingWithTheirTimeAndSource()
    {
        Filed();
        _world.Time.Advance(TimeSpan.FromDays(1));

        var answered = Track([Case("12345678901", "Answered", new DateOnly(2026, 11, 27))]);
        var pending = Track([Case("12345678901", "Pending Amazon action", new DateOnly(2026, 11, 28))]);

        answered.CaseStatus.Should().Be("Answered");
        pending.Status.Should().Be(FindingStatus.Filed);
        pending.CaseStatus.Should().Be("PendingAmazonAction");
        pending.CaseStatusText.Should().Be("Pending Amazon action");
        pending.CaseStatusDate.Should().Be(new DateOnly(2026, 11, 28));
        var entries = pending.History.Where(h => h.Source == ClaimTracker.CaseStatusSource).ToList();
        entries.Select(h => h.Note).Should().Equal(
            "case 12345678901: answered (shown as \"Answered\")",
            "case 12345678901: pending Amazon action (shown as \"Pending Amazon action\")");
        entries.Should().OnlyContain(h => h.At == _world.Time.GetUtcNow().UtcDateTime && h.Status == FindingStatus.Filed);
    }

    [Fact]
    public void AFullReimbursementByCaseIdMarksItReimbursedWithTheAmount()
    {
        Filed();

        var after = Track(null, Paid("9001", AfterFiling, 2, 16.00m, caseId: "12345678901", reason: "Lost_Warehouse", fnsku: "X00OTHER01"));

        after.Status.Should().Be(FindingStatus.Reimbursed);
        after.AmountRecovered.Should().Be(16.00m);
        after.UnitsRecovered.Should().Be(2);
        after.ReimbursementIds.Should().Equal("9001");
        after.History[^1].Source.Should().Be(ClaimTracker.ReimbursementSource);
        after.History[^1].Note.Should().Contain("reimbursed USD 16.00 for 2 of 2 unit(s)").And.Contain("9001");
    }

    [Fact]
    public void APartialPaymentLeavesTheRemainderOpen()
    {
        Filed(units: 3);

        var after = Track(null, Paid("9001", AfterFiling, 1, 8.70m, caseId: "12345678901"));

        after.Status.Should().Be(FindingStatus.Filed);
        after.AmountRecovered.Should().Be(8.70m);
        after.UnitsRecovered.Should().Be(1);
        after.History[^1].Note.Should().StartWith("partially reimbursed: USD 8.70 of USD 26.10").And.Contain("USD 17.40 stays open");
        after.ToDetailDto().Claim!.AmountRemaining.Should().Be(17.40m);

        var rest = Track(null, Paid("9001", AfterFiling, 1, 8.70m, caseId: "12345678901"), Paid("9002", AfterFiling.AddDays(3), 2, 17.40m, caseId: "12345678901"));
        rest.Status.Should().Be(FindingStatus.Reimbursed);
        rest.AmountRecovered.Should().Be(26.10m);
    }

    [Fact]
    public void OneCasePaysItsFindingsOldestFirst()
    {
        var found = _world.Seed(
            C(ClaimType.LostWarehouse, "old", units: 2, reference: AsOf.AddDays(-40), referenceId: "1"),
            C(ClaimType.LostWarehouse, "new", units: 2, reference: AsOf.AddDays(-35), referenceId: "2"));
        _world.Tracker.MarkFiled(found.Select(f => f.Id).ToList(), "12345678901", "seller");

        _world.Tracker.Track([], [Paid("9001", AfterFiling, 3, 30m, caseId: "12345678901")]);

        var old = _world.Findings.Get(found.Single(f => f.ReferenceDate == AsOf.AddDays(-40)).Id)!;
        var recent = _world.Findings.Get(found.Single(f => f.ReferenceDate == AsOf.AddDays(-35)).Id)!;
        (old.Status, old.UnitsRecovered, old.AmountRecovered).Should().Be((FindingStatus.Reimbursed, 2, 20m));
        (recent.Status, recent.UnitsRecovered, recent.AmountRecovered).Should().Be((FindingStatus.Filed, 1, 10m));
    }

    [Fact]
    public void AReimbursementWithoutCaseIdMatchesByKeyAfterTheFilingDate()
    {
        Filed();

        var before = Track(null,
            Paid("8000", new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), 2, 17.40m), // before filing: detection's business
            Paid("8001", AfterFiling, 2, 17.40m, reason: "Damaged_Warehouse"),                // other reason
            Paid("8002", AfterFiling, 2, 17.40m, fnsku: "X00ZZZ9999"),                         // other FNSKU
            Paid("8003", AfterFiling, 2, 17.40m, caseId: "55555555555"));                      // another case
        before.Status.Should().Be(FindingStatus.Filed);
        before.AmountRecovered.Should().BeNull();

        var after = Track(null, Paid("8004", AfterFiling, 2, 17.40m, reason: "Lost:Warehouse"));
        after.Status.Should().Be(FindingStatus.Reimbursed);
        after.ReimbursementIds.Should().Equal("8004");
    }

    [Fact]
    public void ReturnClaimsMatchReimbursementsByOrderId()
    {
        Filed(ClaimType.RefundNotReturned, orderId: "111-0000001-0000001");

        var after = Track(null, Paid("8100", AfterFiling, 2, 40m, reason: "CustomerReturn", fnsku: null, orderId: "111-0000001-0000001"));

        after.Status.Should().Be(FindingStatus.Reimbursed);
        after.AmountRecovered.Should().Be(40m);
    }

    [Fact]
    public void AReversalTakesThePaymentBack()
    {
        Filed();
        Track(null, Paid("9001", AfterFiling, 2, 17.40m, caseId: "12345678901")).Status.Should().Be(FindingStatus.Reimbursed);

        var reversal = Paid("9100", AfterFiling.AddDays(5), -2, -17.40m, reason: "Reimbursement_Reversal", original: "9001");
        var after = Track(null, Paid("9001", AfterFiling, 2, 17.40m, caseId: "12345678901"), reversal);

        after.Status.Should().Be(FindingStatus.Filed);
        after.AmountRecovered.Should().BeNull();
        after.History[^1].Note.Should().Contain("reversed");
    }

    [Fact]
    public void AClosedCaseWithoutPaymentIsDeniedAfterTheConfiguredDaysWithAReopenSuggestion()
    {
        Filed();
        var closed = Case("12345678901", "Closed", new DateOnly(2026, 11, 27));

        _world.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 20, 0, 0, TimeSpan.Zero)); // 3 Dec in Los Angeles: 6 days
        Track([closed]).Status.Should().Be(FindingStatus.Filed);

        _world.Time.SetUtcNow(new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero)); // 4 Dec: 7 days
        var denied = Track([closed]);

        denied.Status.Should().Be(FindingStatus.Denied);
        denied.CaseClosedOn.Should().Be(new DateOnly(2026, 11, 27));
        denied.History[^1].Source.Should().Be(ClaimTracker.DeniedSource);
        denied.History[^1].Note.Should().Contain("closed on 2026-11-27 without any reimbursement after 7 days")
            .And.Contain("Re-open suggestion").And.Contain("https://sellercentral.amazon.com/cu/case-dashboard/view-case?caseID=12345678901");

        var reopened = Track([Case("12345678901", "Reopened", new DateOnly(2026, 12, 5))]);
        reopened.Status.Should().Be(FindingStatus.Filed);
        reopened.History[^1].Note.Should().Contain("re-opened again");
    }

    [Fact]
    public void AClosedCaseThatPaysIsReimbursedNotDenied()
    {
        Filed();
        _world.Time.SetUtcNow(new DateTimeOffset(2026, 12, 20, 20, 0, 0, TimeSpan.Zero));

        var after = Track([Case("12345678901", "Closed", new DateOnly(2026, 11, 27))], Paid("9001", AfterFiling, 2, 17.40m, caseId: "12345678901"));

        after.Status.Should().Be(FindingStatus.Reimbursed);
    }

    [Fact]
    public void TrackingTwiceChangesNothing()
    {
        Filed(units: 3);
        _world.Time.SetUtcNow(new DateTimeOffset(2026, 12, 20, 20, 0, 0, TimeSpan.Zero));
        CaseRecord[] cases = [Case("12345678901", "Closed", new DateOnly(2026, 12, 1))];
        Reimbursement[] paid = [Paid("9001", AfterFiling, 1, 8.70m, caseId: "12345678901")];

        var first = _world.Tracker.Track(cases, paid);
        var history = _world.Findings.Query(new FindingQuery()).Single().History.Count;
        var second = _world.Tracker.Track(cases, paid);

        first.Should().Be(2, "one case status entry and one partial payment");
        second.Should().Be(0);
        _world.Findings.Query(new FindingQuery()).Single().History.Should().HaveCount(history);
    }

    [Fact]
    public void TheDetailShowsTheAuditTrail()
    {
        Filed();
        Track([Case("12345678901", "Answered")], Paid("9001", AfterFiling, 2, 17.40m, caseId: "12345678901"));

        var detail = _world.Findings.Query(new FindingQuery()).Single().ToDetailDto();

        detail.History.Select(h => (h.Status, h.Source)).Should().Equal(
            ("Claimable", "test"), ("Filed", "extension"), ("Filed", "case-status"), ("Reimbursed", "reimbursement"));
        detail.History.Should().OnlyContain(h => h.At != default);
        detail.Claim!.CaseStatus.Should().Be("Answered");
        detail.CaseId.Should().Be("12345678901");
        detail.AmountRecovered.Should().Be(17.40m);
    }
}
