using Refully.Companion.Detection;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Domain.Records;

namespace Refully.Tests.Detection.Engine;

public sealed class DetectionEngineTests
{
    private static readonly DateOnly Reference = new(2026, 9, 1);

    private static Finding RunOne(Candidate candidate, DateOnly asOf, Confidence confidence = Confidence.High, DetectionInput? input = null) =>
        new DetectionEngine(PolicyTable.Defaults(), [new StubDetector(candidate.Type, confidence, candidate)])
            .Run(input ?? new DetectionInput(), asOf).Single();

    // US LostWarehouse: wait 30, window 60 (claims.md §2).
    [Theory]
    [InlineData(29, FindingStatus.Waiting)]
    [InlineData(30, FindingStatus.Claimable)]
    [InlineData(60, FindingStatus.Claimable)]
    [InlineData(61, FindingStatus.Expired)]
    public void LostWarehouseWindowBoundaries(int age, FindingStatus expected)
    {
        var finding = RunOne(StubDetector.Candidate(), Reference.AddDays(age));

        finding.Status.Should().Be(expected);
        finding.EligibleFrom.Should().Be(Reference.AddDays(30));
        finding.Deadline.Should().Be(Reference.AddDays(60));
    }

    [Theory]
    [InlineData("US", ClaimType.RefundNotReturned, 60, 120)]
    [InlineData("UK", ClaimType.RefundNotReturned, 45, 105)]
    [InlineData("DE", ClaimType.RefundNotReturned, 45, 105)]
    [InlineData("JP", ClaimType.RefundNotReturned, 45, 105)]
    [InlineData("US", ClaimType.InboundShortage, 15, 270)]
    [InlineData("US", ClaimType.ReturnDamagedNotReimbursed, 30, 120)]
    [InlineData("US", ClaimType.RemovalShortage, 0, 60)]
    [InlineData("US", ClaimType.ReimbursedBelowCost, 0, 60)]
    [InlineData("CA", ClaimType.DamagedWarehouse, 30, 60)]
    [InlineData("AE", ClaimType.InboundShortage, 15, 60)]
    [InlineData("IN", ClaimType.InboundShortage, 0, 60)]
    public void EveryBoundaryDayFollowsThePolicyTable(string marketplace, ClaimType type, int wait, int window)
    {
        var candidate = StubDetector.Candidate(type, marketplace);

        if (wait > 0)
        {
            RunOne(candidate, Reference.AddDays(wait - 1)).Status.Should().Be(FindingStatus.Waiting);
        }
        RunOne(candidate, Reference.AddDays(wait)).Status.Should().Be(FindingStatus.Claimable);
        RunOne(candidate, Reference.AddDays(window)).Status.Should().Be(FindingStatus.Claimable);
        RunOne(candidate, Reference.AddDays(window + 1)).Status.Should().Be(FindingStatus.Expired);
    }

    [Fact]
    public void ReviewFindingsAreNeverClaimableOnTheirOwn()
    {
        var finding = RunOne(StubDetector.Candidate(ClaimType.DisposedWithoutRequest), Reference.AddDays(10), Confidence.Review);

        finding.Status.Should().Be(FindingStatus.NeedsReview);
        finding.Confidence.Should().Be(Confidence.Review);
    }

    [Fact]
    public void ZeroUnitCandidatesAreNotFindings()
    {
        var engine = new DetectionEngine(PolicyTable.Defaults(), [new StubDetector(ClaimType.LostWarehouse, Confidence.High, StubDetector.Candidate(units: 0))]);

        engine.Run(new DetectionInput(), Reference).Should().BeEmpty();
    }

    [Fact]
    public void TheIdIsStableAndDependsOnTheKeyOnly()
    {
        var a = RunOne(StubDetector.Candidate(units: 2), Reference.AddDays(40));
        var b = RunOne(StubDetector.Candidate(units: 5), Reference.AddDays(90));
        var c = RunOne(StubDetector.Candidate(key: "k2"), Reference.AddDays(40));
        var d = RunOne(StubDetector.Candidate(marketplace: "CA"), Reference.AddDays(40));

        a.Id.Should().Be(b.Id).And.MatchRegex("^lw-[0-9a-f]{16}$");
        c.Id.Should().NotBe(a.Id);
        d.Id.Should().NotBe(a.Id);
    }

    [Fact]
    public void PreOrderLossesAreValuedAtTheSellersUnitCost()
    {
        var input = new DetectionInput
        {
            Costs = [new UnitCost { Sku = "SKU-1", Cost = 8.705m, Currency = "USD" }],
            Reimbursements = [Reimbursed("X00AAA0001", 12.00m, new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero))],
        };

        var finding = RunOne(StubDetector.Candidate(units: 2), Reference.AddDays(40), input: input);

        finding.Amount.Should().Be(17.41m);
        finding.Currency.Should().Be("USD");
        finding.Explanation.Should().Contain("unit cost");
    }

    [Fact]
    public void WithoutACostTheLastCashReimbursementPerUnitIsUsed()
    {
        var input = new DetectionInput
        {
            Reimbursements =
            [
                Reimbursed("X00AAA0001", 9.00m, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)),
                Reimbursed("X00AAA0001", 11.50m, new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero)),
                Reimbursed("X00OTHER01", 99.00m, new DateTimeOffset(2026, 8, 2, 0, 0, 0, TimeSpan.Zero)),
            ],
        };

        var finding = RunOne(StubDetector.Candidate(units: 3), Reference.AddDays(40), input: input);

        finding.Amount.Should().Be(34.50m);
    }

    [Fact]
    public void PostOrderLossesAreValuedAtTheRefundedPrincipal()
    {
        var input = new DetectionInput { Costs = [new UnitCost { Sku = "SKU-1", Cost = 3m, Currency = "USD" }] };

        var finding = RunOne(StubDetector.Candidate(ClaimType.RefundNotReturned, refunded: 24.99m, currency: "USD"), Reference.AddDays(70), input: input);

        finding.Amount.Should().Be(49.98m);
        finding.Explanation.Should().Contain("refunded price");
    }

    [Fact]
    public void AnUnknownValueIsNullAndSaidSo()
    {
        var finding = RunOne(StubDetector.Candidate(), Reference.AddDays(40));

        finding.Amount.Should().BeNull();
        finding.Explanation.Should().Contain("value is unknown");
    }

    [Fact]
    public void YenAmountsHaveNoMinorUnit()
    {
        var input = new DetectionInput { Costs = [new UnitCost { Sku = "SKU-1", Cost = 1234.5m, Currency = "JPY" }] };

        var finding = RunOne(StubDetector.Candidate(marketplace: "JP", units: 1), Reference.AddDays(40), input: input);

        finding.Amount.Should().Be(1235m);
        finding.Currency.Should().Be("JPY");
    }

    [Fact]
    public void AFixedAmountIsUsedAsIs()
    {
        var finding = RunOne(StubDetector.Candidate(ClaimType.ReimbursedBelowCost, fixedAmount: 6.004m, currency: "USD"), Reference.AddDays(5));

        finding.Amount.Should().Be(6.00m);
        finding.Explanation.Should().Contain("shortfall");
    }

    [Fact]
    public void TheExplanationIsTwoSentencesAndFlagsUncertainWindows()
    {
        var finding = RunOne(StubDetector.Candidate(ClaimType.InboundShortage), Reference.AddDays(20));

        finding.Explanation.Split(". ").Should().HaveCount(2);
        finding.Explanation.Should().Contain("uncertain").And.Contain("Claim it by");
    }

    private static Reimbursement Reimbursed(string fnsku, decimal perUnit, DateTimeOffset at) => new()
    {
        ReimbursementId = at.Ticks.ToString(),
        Fnsku = fnsku,
        Reason = "Lost_Warehouse",
        Currency = "USD",
        AmountPerUnit = perUnit,
        QuantityReimbursedCash = 1,
        QuantityReimbursedTotal = 1,
        ApprovalDate = at,
    };
}
