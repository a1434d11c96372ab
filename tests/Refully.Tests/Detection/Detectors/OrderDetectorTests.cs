using Refully.Companion.Detection;
using Refully.Companion.Detection.Detectors;
using Refully.Companion.Domain.Records;
using static Refully.Tests.Detection.Detectors.Rec;

namespace Refully.Tests.Detection.Detectors;

public sealed class RefundNotReturnedDetectorTests
{
    private static readonly RefundNotReturnedDetector Detector = new();

    [Fact]
    public void RefundedUnitsNeverReturnedAreOwedAtTheRefundedPrincipal()
    {
        var c = Run(Detector, Refund("2026-04-01", "111-1", qty: 2, sales: -39.98m)).Should().ContainSingle().Subject;

        c.Key.Should().Be("111-1|SKU-1");
        c.OrderId.Should().Be("111-1");
        c.Sku.Should().Be("SKU-1");
        c.Units.Should().Be(2);
        c.ReferenceDate.Should().Be(D("2026-04-01"));
        c.RefundedPrincipalPerUnit.Should().Be(19.99m);
        c.Currency.Should().Be("USD");
        c.Marketplace.Should().Be("US");
        c.Evidence.Should().ContainSingle().Which.Source.Should().Be("transactions");
    }

    [Fact]
    public void RefundRowsOfOneLineAreSummedAndDatedByTheFirst()
    {
        var c = Run(Detector, Refund("2026-04-05", "111-1", sales: -10m), Refund("2026-04-01", "111-1", sales: -10m)).Single();

        c.Units.Should().Be(2);
        c.ReferenceDate.Should().Be(D("2026-04-01"));
        c.RefundedPrincipalPerUnit.Should().Be(10m);
    }

    [Theory]
    [InlineData("SELLABLE")]
    [InlineData("CUSTOMER_DAMAGED")]
    [InlineData("DEFECTIVE")]
    [InlineData("DAMAGED")]
    public void ReturnsOfAnyDispositionReduceTheClaim(string disposition)
    {
        Run(Detector, Refund("2026-04-01", "111-1", qty: 2), Return("2026-03-28", "111-1", disposition: disposition))
            .Should().ContainSingle().Which.Units.Should().Be(1);
    }

    [Fact]
    public void ReturnsOfAnotherSkuInTheOrderDoNotReduce()
    {
        Run(Detector, Refund("2026-04-01", "111-1"), Return("2026-04-02", "111-1", sku: "SKU-2", fnsku: "X002"))
            .Should().ContainSingle();
    }

    [Fact]
    public void AReturnRowWithoutSkuMatchesOnTheOrderAlone()
    {
        Run(Detector, Refund("2026-04-01", "111-1"), Return("2026-04-02", "111-1", sku: null)).Should().BeEmpty();
    }

    [Fact]
    public void CustomerReturnAndServiceIssueReimbursementsOfTheOrderOffset()
    {
        Run(Detector,
                Refund("2026-04-01", "111-1", qty: 3),
                Reimb("2026-06-01", "1", "CustomerReturn", 1, fnsku: null, order: "111-1"),
                Reimb("2026-06-02", "2", "CustomerServiceIssue", 1, fnsku: null, order: "111-1", sku: "SKU-1"),
                Reimb("2026-06-03", "3", "Lost_Warehouse", 1, order: "111-1"))
            .Should().ContainSingle().Which.Units.Should().Be(1);
    }

    [Fact]
    public void AnOrderLevelReimbursementCountsOnceAcrossTheOrdersSkus()
    {
        var found = Run(Detector,
            Refund("2026-04-01", "111-1", sku: "SKU-1"),
            Refund("2026-04-02", "111-1", sku: "SKU-2"),
            Reimb("2026-06-01", "1", "CustomerReturn", 1, fnsku: null, order: "111-1"));

        found.Should().ContainSingle().Which.Sku.Should().Be("SKU-2");
    }

    [Fact]
    public void ASellerFulfilledRefundIsNeverAFinding()
    {
        Run(Detector, Refund("2026-04-01", "111-1", fulfillment: Fulfillment.Merchant)).Should().BeEmpty();
    }

    [Fact]
    public void ARefundOfUnstatedFulfilmentCountsOnlyWhenTheOrderWasAmazonFulfilled()
    {
        Run(Detector, Refund("2026-04-01", "111-1", fulfillment: Fulfillment.Unknown)).Should().BeEmpty();
        Run(Detector, Refund("2026-04-01", "111-1", fulfillment: Fulfillment.Unknown), Order("2026-03-20", "111-1"))
            .Should().ContainSingle();
    }

    [Fact]
    public void SettlementRefundPrincipalLinesCountWhenNoDateRangeReportHasTheLine()
    {
        var c = Run(Detector, Refund("2026-04-01", "111-1", qty: null, sales: -15m, source: "SettlementV2")).Should().ContainSingle().Subject;

        c.Units.Should().Be(1);
        c.RefundedPrincipalPerUnit.Should().Be(15m);
        c.Evidence.Single().Source.Should().Be("settlement");
    }

    [Fact]
    public void TheSameRefundInTheDateRangeReportAndASettlementCountsOnce()
    {
        Run(Detector, Refund("2026-04-01", "111-1"), Refund("2026-04-01", "111-1", source: "SettlementV2"))
            .Single().Units.Should().Be(1);
    }

    [Fact]
    public void ReturnsBeyondTheRefundedQuantityNeverMakeUnitsNegative()
    {
        Run(Detector, Refund("2026-04-01", "111-1"), Return("2026-04-02", "111-1", qty: 3)).Should().BeEmpty();
    }
}

public sealed class ReturnDamagedNotReimbursedDetectorTests
{
    private static readonly ReturnDamagedNotReimbursedDetector Detector = new();

    [Fact]
    public void AReturnGradedDamagedAndNotReimbursedIsOwed()
    {
        var c = Run(Detector, Return("2026-05-01", "111-1", disposition: "DAMAGED", lpn: "LPN1"), Refund("2026-04-20", "111-1", sales: -12m))
            .Should().ContainSingle().Subject;

        c.Key.Should().Be("111-1|LPN1");
        c.Units.Should().Be(1);
        c.ReferenceDate.Should().Be(D("2026-05-01"));
        c.RefundedPrincipalPerUnit.Should().Be(12m);
        c.Marketplace.Should().Be("US");
    }

    [Theory]
    [InlineData("CustomerReturn", true)]
    [InlineData("CustomerServiceIssue", true)]
    [InlineData("Damaged_Warehouse", true)]
    [InlineData("Lost_Warehouse", false)]
    public void ReimbursementsOfTheOrderWithTheseReasonsOffset(string reason, bool offsets)
    {
        Run(Detector, Return("2026-05-01", "111-1", disposition: "DAMAGED"), Reimb("2026-05-10", "1", reason, 1, order: "111-1"))
            .Should().HaveCount(offsets ? 0 : 1);
    }

    [Theory]
    [InlineData("CUSTOMER_DAMAGED")]
    [InlineData("DEFECTIVE")]
    [InlineData("SELLABLE")]
    [InlineData("CARRIER_DAMAGED")]
    public void OtherDispositionsAreNotThisClaim(string disposition)
    {
        Run(Detector, Return("2026-05-01", "111-1", disposition: disposition)).Should().BeEmpty();
    }

    [Fact]
    public void IdenticalReturnRowsAreSeparateFindings()
    {
        var found = Run(Detector, Return("2026-05-01", "111-1", disposition: "DAMAGED"), Return("2026-05-01", "111-1", disposition: "DAMAGED"));

        found.Should().HaveCount(2);
        found.Select(c => c.Key).Should().OnlyHaveUniqueItems();
    }
}
