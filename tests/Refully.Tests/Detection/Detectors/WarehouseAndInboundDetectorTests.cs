using Refully.Companion.Detection;
using Refully.Companion.Detection.Detectors;
using static Refully.Tests.Detection.Detectors.Rec;

namespace Refully.Tests.Detection.Detectors;

public sealed class DamagedWarehouseDetectorTests
{
    private static readonly DamagedWarehouseDetector Detector = new();

    [Theory]
    [InlineData("6")]
    [InlineData("7")]
    [InlineData("E")]
    [InlineData("H")]
    [InlineData("K")]
    [InlineData("U")]
    public void DamageReasonsAreLosses(string reason)
    {
        Run(Detector, Adj("2026-09-01", reason, -1, "T1")).Should().ContainSingle()
            .Which.Should().Match<Candidate>(c => c.Key == "T1|X001" && c.Units == 1 && c.Type == ClaimType.DamagedWarehouse);
    }

    [Fact]
    public void ThePairedPRowIsNotALossAndNotAnOffset()
    {
        var found = Run(Detector, Adj("2026-09-01", "E", -2, "T1"), Adj("2026-09-01", "P", 2, "T2", disposition: "WAREHOUSE_DAMAGED"));

        found.Should().ContainSingle().Which.Units.Should().Be(2);
    }

    [Fact]
    public void DamagedWarehouseReimbursementsOffsetFifo()
    {
        var found = Run(Detector,
            Adj("2026-09-01", "E", -1, "T1"),
            Adj("2026-09-05", "E", -1, "T2"),
            Reimb("2026-09-03", "1", "Damaged_Warehouse", 1),
            Reimb("2026-09-04", "2", "Lost_Warehouse", 1));

        found.Should().ContainSingle().Which.ReferenceId.Should().Be("T2");
    }

    [Fact]
    public void FoundUnitsDoNotOffsetDamage()
    {
        Run(Detector, Adj("2026-09-01", "E", -1, "T1"), Adj("2026-09-02", "F", 1, "F1")).Should().ContainSingle();
    }
}

public sealed class InboundShortageDetectorTests
{
    private static readonly InboundShortageDetector Detector = new();

    [Fact]
    public void ShippedMinusReceivedIsOwedDatedByTheLatestReceipt()
    {
        var found = Run(Detector, Shipment("FBA1"), Item("FBA1", 10, 7), Receipt("2026-03-01", "FBA1", 5), Receipt("2026-03-04", "FBA1", 2));

        var c = found.Should().ContainSingle().Subject;
        c.Key.Should().Be("FBA1|X001");
        c.ShipmentId.Should().Be("FBA1");
        c.Units.Should().Be(3);
        c.ReferenceDate.Should().Be(D("2026-03-04"));
        c.Marketplace.Should().Be("US");
        c.Evidence.Should().Contain(e => e.Source == "inbound" && e.Quantity == 10);
    }

    [Fact]
    public void ReceivedIsTheLargerOfAmazonsCountAndTheLedgerReceipts()
    {
        Run(Detector, Shipment("FBA1"), Item("FBA1", 10, 6), Receipt("2026-03-01", "FBA1", 9))
            .Should().ContainSingle().Which.Units.Should().Be(1);
        Run(Detector, Shipment("FBA1"), Item("FBA1", 10, 9), Receipt("2026-03-01", "FBA1", 6))
            .Should().ContainSingle().Which.Units.Should().Be(1);
    }

    [Fact]
    public void ReceiptsOfAnotherFnskuInTheShipmentDoNotCount()
    {
        Run(Detector, Shipment("FBA1"), Item("FBA1", 10, 0), Receipt("2026-03-01", "FBA1", 10, fnsku: "X002"))
            .Should().ContainSingle().Which.Units.Should().Be(10);
    }

    [Theory]
    [InlineData("CLOSED", true)]
    [InlineData("RECEIVING", true)]
    [InlineData("closed", true)]
    [InlineData("SHIPPED", false)]
    [InlineData("IN_TRANSIT", false)]
    [InlineData("CANCELLED", false)]
    [InlineData("DELETED", false)]
    public void OnlyClosedOrReceivingShipmentsCount(string status, bool counts)
    {
        Run(Detector, Shipment("FBA1", status), Item("FBA1", 10, 8), Receipt("2026-03-01", "FBA1", 8))
            .Should().HaveCount(counts ? 1 : 0);
    }

    [Fact]
    public void LostInboundReimbursementsGoToTheOldestShipmentFirstReceivedOnOrBeforeApproval()
    {
        var found = Run(Detector,
            Shipment("FBA1"), Item("FBA1", 5, 3), Receipt("2026-01-01", "FBA1", 3),
            Shipment("FBA2"), Item("FBA2", 5, 3), Receipt("2026-02-01", "FBA2", 3),
            Reimb("2026-01-15", "9", "Lost_Inbound", 3));

        found.Select(c => (c.ShipmentId, c.Units)).Should().Equal(("FBA2", 2));
    }

    [Fact]
    public void ALostInboundReimbursementApprovedBeforeTheFirstReceiptIsUnused()
    {
        Run(Detector, Shipment("FBA1"), Item("FBA1", 5, 3), Receipt("2026-02-01", "FBA1", 3), Reimb("2026-01-15", "9", "Lost_Inbound", 2))
            .Should().ContainSingle().Which.Units.Should().Be(2);
    }

    [Fact]
    public void OverReceiptNeverYieldsAFinding()
    {
        Run(Detector, Shipment("FBA1"), Item("FBA1", 5, 7), Receipt("2026-02-01", "FBA1", 7)).Should().BeEmpty();
    }
}

public sealed class RemovalShortageDetectorTests
{
    private static readonly RemovalShortageDetector Detector = new();

    [Fact]
    public void CompletedOrderMissingUnitsIsOwed()
    {
        var c = Run(Detector, Removal("R1", "Return", "Completed", requested: 10, cancelled: 1, disposed: 2, shipped: 5))
            .Should().ContainSingle().Subject;

        c.Key.Should().Be("R1|X001");
        c.RemovalOrderId.Should().Be("R1");
        c.Units.Should().Be(2);
        c.ReferenceDate.Should().Be(D("2026-05-20"));
    }

    [Fact]
    public void OrdersNotCompletedAreNotChecked()
    {
        Run(Detector, Removal("R1", "Return", "Processing", requested: 10, shipped: 2)).Should().BeEmpty();
    }

    [Fact]
    public void LinesOfOneOrderAndFnskuAreSummedAndOtherFnskusStaySeparate()
    {
        var found = Run(Detector,
            Removal("R1", "Return", "Completed", requested: 3, shipped: 2, disposition: "Sellable"),
            Removal("R1", "Return", "Completed", requested: 2, shipped: 2, disposition: "Unsellable"),
            Removal("R1", "Return", "Completed", requested: 1, shipped: 3, fnsku: "X002"));

        found.Select(c => (c.Fnsku, c.Units)).Should().Equal(("X001", 1));
    }

    [Fact]
    public void WithoutALastUpdatedDateTheRequestDateIsTheReference()
    {
        Run(Detector, Removal("R1", "Return", "Completed", requested: 1, updated: null)).Single().ReferenceDate.Should().Be(D("2026-05-01"));
    }
}

public sealed class ReimbursedBelowCostDetectorTests
{
    private static readonly ReimbursedBelowCostDetector Detector = new();

    [Fact]
    public void ShortfallBelowCostIsAFixedAmountOverCashUnits()
    {
        var c = Run(Detector, Reimb("2026-06-01", "77", "Lost_Warehouse", 3, perUnit: 6.00m, cash: 2), Cost(8.50m))
            .Should().ContainSingle().Subject;

        c.Key.Should().Be("77|X001");
        c.ReferenceId.Should().Be("77");
        c.Units.Should().Be(2);
        c.FixedAmount.Should().Be(5.00m);
        c.Currency.Should().Be("USD");
        c.ReferenceDate.Should().Be(D("2026-06-01"));
    }

    [Theory]
    [InlineData(9.90, false)]
    [InlineData(9.901, false)]
    [InlineData(9.89, true)]
    public void OnlyMoreThanOnePercentBelowCostCounts(double perUnit, bool found)
    {
        Run(Detector, Reimb("2026-06-01", "77", "Damaged_Warehouse", 1, perUnit: (decimal)perUnit), Cost(10m))
            .Should().HaveCount(found ? 1 : 0);
    }

    [Fact]
    public void ACostInAnotherCurrencyIsNotConverted()
    {
        Run(Detector, Reimb("2026-06-01", "77", "Lost_Warehouse", 1, perUnit: 1m), Cost(10m, currency: "GBP")).Should().BeEmpty();
    }

    [Fact]
    public void TheCostOfTheReimbursementsCurrencyIsUsedWhenSeveralExist()
    {
        Run(Detector, Reimb("2026-06-01", "77", "Lost_Warehouse", 1, perUnit: 4m), Cost(3m, currency: "GBP"), Cost(5m))
            .Should().ContainSingle().Which.FixedAmount.Should().Be(1m);
    }

    [Fact]
    public void ACostBySkuIsUsedWhenNoneIsByFnsku()
    {
        Run(Detector, Reimb("2026-06-01", "77", "Lost_Inbound", 1, sku: "SKU-1", perUnit: 4m), Cost(5m, fnsku: null, sku: "SKU-1"))
            .Should().ContainSingle();
    }

    [Fact]
    public void PostOrderReasonsAndInventoryOnlyRowsAreNotChecked()
    {
        Run(Detector,
                Reimb("2026-06-01", "1", "CustomerReturn", 1, order: "111", perUnit: 1m),
                Reimb("2026-06-01", "2", "Lost_Warehouse", 1, perUnit: 1m, cash: 0),
                Cost(10m))
            .Should().BeEmpty();
    }

    [Fact]
    public void AReversedReimbursementIsNotClaimedBelowCost()
    {
        Run(Detector,
                Reimb("2026-06-01", "77", "Lost_Warehouse", 1, perUnit: 1m),
                Reversal("2026-06-10", "78", 1, originalId: "77"),
                Cost(10m))
            .Should().BeEmpty();
    }
}
