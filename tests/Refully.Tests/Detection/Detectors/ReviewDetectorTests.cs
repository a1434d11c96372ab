using Refully.Companion.Detection;
using Refully.Companion.Detection.Detectors;
using Refully.Companion.Domain.Records;
using static Refully.Tests.Detection.Detectors.Rec;

namespace Refully.Tests.Detection.Detectors;

public sealed class DisposedWithoutRequestDetectorTests
{
    private static readonly DisposedWithoutRequestDetector Detector = new();

    [Fact]
    public void DisposalsWithoutADisposalOrderNeedReview()
    {
        var c = Run(Detector, Adj("2026-05-10", "D", -2, "T9")).Should().ContainSingle().Subject;

        c.Key.Should().Be("T9|X001");
        c.Units.Should().Be(2);
        c.Note.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void ADisposalOrderRequestedBeforeTheDisposalCoversIt()
    {
        Run(Detector, Adj("2026-05-10", "G", -2, "T9"), Removal("R1", "Disposal", "Completed", requested: 2, disposed: 2, requestDate: "2026-05-01"))
            .Should().BeEmpty();
    }

    [Fact]
    public void ADisposalOrderRequestedAfterTheDisposalOrOfReturnTypeOrCancelledDoesNotCover()
    {
        Run(Detector,
                Adj("2026-05-10", "D", -3, "T9"),
                Removal("R1", "Disposal", "Completed", requested: 1, disposed: 1, requestDate: "2026-05-11"),
                Removal("R2", "Return", "Completed", requested: 1, shipped: 1, requestDate: "2026-05-01"),
                Removal("R3", "Disposal", "Cancelled", requested: 1, cancelled: 1, requestDate: "2026-05-01"))
            .Should().ContainSingle().Which.Units.Should().Be(3);
    }
}

public sealed class ReturnNotRestockedDetectorTests
{
    private static readonly ReturnNotRestockedDetector Detector = new();

    [Fact]
    public void ASellableReturnWithNoLedgerCustomerReturnNeedsReview()
    {
        var c = Run(Detector, Return("2026-05-01", "111-1", lpn: "LPN1")).Should().ContainSingle().Subject;

        c.Key.Should().Be("111-1|LPN1");
        c.Fnsku.Should().Be("X001");
        c.Units.Should().Be(1);
        c.Note.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void ALedgerCustomerReturnOfTheOrderRestocksIt()
    {
        Run(Detector, Return("2026-05-01", "111-1"), Restock("2026-04-20", "111-1", 1)).Should().BeEmpty();
    }

    [Fact]
    public void ALedgerCustomerReturnOfTheFnskuNearTheDateRestocksIt()
    {
        Run(Detector, Return("2026-05-01", "111-1"), Restock("2026-04-28", "99999", 1)).Should().BeEmpty();
        Run(Detector, Return("2026-05-01", "111-1"), Restock("2026-04-01", "99999", 1)).Should().ContainSingle();
    }

    [Fact]
    public void UnsellableReturnsAreNotThisReview()
    {
        Run(Detector, Return("2026-05-01", "111-1", disposition: "CUSTOMER_DAMAGED")).Should().BeEmpty();
    }
}

public sealed class WrongItemReturnedDetectorTests
{
    private static readonly WrongItemReturnedDetector Detector = new();

    [Fact]
    public void SwitcherooReturnsNeedReview()
    {
        Run(Detector, Return("2026-05-01", "111-1", reason: "SWITCHEROO")).Should().ContainSingle().Which.Note.Should().NotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("Sent back the wrong item by mistake", true)]
    [InlineData("returning B0ZZZZZZZZ instead", true)]
    [InlineData("returning B000000001, no longer needed", false)]
    [InlineData("did not fit", false)]
    public void CommentsNamingAnotherItemNeedReview(string comment, bool found)
    {
        Run(Detector, Return("2026-05-01", "111-1", comments: comment)).Should().HaveCount(found ? 1 : 0);
    }

    [Fact]
    public void AReimbursedSwitcherooIsNotShown()
    {
        Run(Detector, Return("2026-05-01", "111-1", reason: "SWITCHEROO"), Reimb("2026-05-20", "1", "CustomerReturn", 1, order: "111-1"))
            .Should().BeEmpty();
    }
}

public sealed class RefundExceedsChargeDetectorTests
{
    private static readonly RefundExceedsChargeDetector Detector = new();

    [Fact]
    public void ARefundAboveTheChargedPrincipalNeedsReviewWithTheExcess()
    {
        var c = Run(Detector, Order("2026-03-01", "111-1", sales: 20m), Refund("2026-04-01", "111-1", sales: -25m))
            .Should().ContainSingle().Subject;

        c.FixedAmount.Should().Be(5m);
        c.Currency.Should().Be("USD");
        c.Units.Should().Be(1);
        c.ReferenceDate.Should().Be(D("2026-04-01"));
        c.Note.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void AFullOrPartialRefundIsNotAnExcess()
    {
        Run(Detector, Order("2026-03-01", "111-1", sales: 20m), Refund("2026-04-01", "111-1", sales: -20m)).Should().BeEmpty();
        Run(Detector, Order("2026-03-01", "111-1", sales: 20m), Refund("2026-04-01", "111-1", sales: -8m)).Should().BeEmpty();
    }

    [Fact]
    public void WithoutTheChargeInTheDataNothingIsShown()
    {
        Run(Detector, Refund("2026-04-01", "111-1", sales: -25m)).Should().BeEmpty();
    }

    [Fact]
    public void ASellerFulfilledRefundIsNeverShown()
    {
        Run(Detector, Order("2026-03-01", "111-1", sales: 20m, fulfillment: Fulfillment.Merchant),
            Refund("2026-04-01", "111-1", sales: -25m, fulfillment: Fulfillment.Merchant)).Should().BeEmpty();
    }
}

public sealed class InboundCarrierDamagedDetectorTests
{
    private static readonly InboundCarrierDamagedDetector Detector = new();

    [Fact]
    public void CarrierDamagedReceiptsNotReimbursedNeedReview()
    {
        var c = Run(Detector, Receipt("2026-03-01", "FBA1", 2, disposition: "CARRIER_DAMAGED"), Receipt("2026-03-01", "FBA1", 8))
            .Should().ContainSingle().Subject;

        c.Key.Should().Be("FBA1|X001");
        c.ShipmentId.Should().Be("FBA1");
        c.ReferenceId.Should().BeNull();
        c.Units.Should().Be(2);
        c.Note.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void DamagedInboundReimbursementsOffset()
    {
        Run(Detector, Receipt("2026-03-01", "FBA1", 2, disposition: "CARRIER_DAMAGED"), Reimb("2026-03-20", "1", "Damaged_Inbound", 1))
            .Should().ContainSingle().Which.Units.Should().Be(1);
    }
}

public sealed class FeeOverchargeDetectorTests
{
    private static readonly FeeOverchargeDetector Detector = new();

    private static FeeEstimate Preview(decimal longest, decimal median, decimal shortest, decimal weight, string tier = "Large standard-size") => new()
    {
        Id = Guid.NewGuid().ToString(),
        Sku = "SKU-1",
        Fnsku = "X001",
        Asin = "B000000001",
        LongestSide = longest,
        MedianSide = median,
        ShortestSide = shortest,
        UnitOfDimension = "inches",
        ItemPackageWeight = weight,
        UnitOfWeight = "pounds",
        ProductSizeTier = tier,
        Currency = "USD",
        Marketplace = "US",
    };

    private static UnitCost Own(decimal l, decimal w, decimal h, string unit, decimal weight, string weightUnit)
    {
        var cost = Cost(5m);
        cost.Length = l;
        cost.Width = w;
        cost.Height = h;
        cost.DimensionUnit = unit;
        cost.Weight = weight;
        cost.WeightUnit = weightUnit;
        return cost;
    }

    [Fact]
    public void LargerMeasurementsThanTheSellersNeedReviewDatedByTheLatestCharge()
    {
        var c = Run(Detector,
                Preview(12m, 9m, 4m, 2.5m),
                Own(10m, 8m, 4m, "in", 2m, "lb"),
                Order("2026-06-01", "111-1", fbaFees: -6.21m),
                Order("2026-06-20", "111-2", qty: 2, fbaFees: -12.42m),
                Order("2026-06-25", "111-3", fbaFees: null))
            .Should().ContainSingle().Subject;

        c.Key.Should().Be("SKU-1");
        c.ReferenceDate.Should().Be(D("2026-06-20"));
        c.Units.Should().Be(3);
        c.Facts.Should().Contain("longest side").And.Contain("weight");
        c.Note.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void MeasurementsWithinToleranceAreNotShownAndUnitsAreConverted()
    {
        Run(Detector, Preview(10.1m, 8m, 4m, 2.04m), Own(25.4m, 20.32m, 10.16m, "cm", 907m, "g"), Order("2026-06-01", "111-1", fbaFees: -5m))
            .Should().BeEmpty();
    }

    [Fact]
    public void AHigherSizeTierThanTheSellersValuesGiveNeedsReview()
    {
        var c = Run(Detector, Preview(10m, 8m, 0.5m, 0.5m, "Large standard-size"), Own(10m, 8m, 0.5m, "in", 0.5m, "lb"),
            Order("2026-06-01", "111-1", fbaFees: -4m)).Should().ContainSingle().Subject;

        c.Facts.Should().Contain("size tier");
    }

    [Fact]
    public void ChargesOlderThan90DaysBeforeTheLatestAreNotCounted()
    {
        Run(Detector, Preview(12m, 9m, 4m, 2m), Own(10m, 8m, 4m, "in", 2m, "lb"),
                Order("2026-01-01", "111-0", fbaFees: -6m), Order("2026-06-01", "111-1", fbaFees: -6m))
            .Single().Units.Should().Be(1);
    }

    [Fact]
    public void WithoutTheSellersMeasurementsOrAnyChargeNothingIsShown()
    {
        Run(Detector, Preview(12m, 9m, 4m, 2m), Cost(5m), Order("2026-06-01", "111-1", fbaFees: -6m)).Should().BeEmpty();
        Run(Detector, Preview(12m, 9m, 4m, 2m), Own(10m, 8m, 4m, "in", 2m, "lb")).Should().BeEmpty();
    }
}

public sealed class DetectorRegistryTests
{
    [Fact]
    public void EveryClaimTypeHasExactlyOneDetectorInEnumOrder()
    {
        DetectorRegistry.All.Select(d => d.Type).Should().Equal(Enum.GetValues<ClaimType>());
    }

    [Fact]
    public void ConfidenceFollowsTheContract()
    {
        var review = new[] { ClaimType.DisposedWithoutRequest, ClaimType.FeeOvercharge, ClaimType.ReturnNotRestocked,
            ClaimType.WrongItemReturned, ClaimType.RefundExceedsCharge, ClaimType.InboundCarrierDamaged };

        DetectorRegistry.All.Should().OnlyContain(d => d.Confidence == (review.Contains(d.Type) ? Confidence.Review : Confidence.High));
    }

    [Fact]
    public void EveryDetectorFindsNothingInEmptyInput()
    {
        DetectorRegistry.All.SelectMany(d => d.Detect(new DetectionInput())).Should().BeEmpty();
    }
}
