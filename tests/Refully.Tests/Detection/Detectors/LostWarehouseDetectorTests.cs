using Refully.Companion.Detection;
using Refully.Companion.Detection.Detectors;
using static Refully.Tests.Detection.Detectors.Rec;

namespace Refully.Tests.Detection.Detectors;

public sealed class LostWarehouseDetectorTests
{
    private static readonly LostWarehouseDetector Detector = new();

    [Fact]
    public void LostUnitsNeitherFoundNorReimbursedAreClaimed()
    {
        var found = Run(Detector, Adj("2026-09-01", "M", -3, "1234567"));

        var c = found.Should().ContainSingle().Subject;
        c.Type.Should().Be(ClaimType.LostWarehouse);
        c.Key.Should().Be("1234567|X001");
        c.ReferenceId.Should().Be("1234567");
        c.Fnsku.Should().Be("X001");
        c.Sku.Should().Be("SKU-1");
        c.Asin.Should().Be("B000000001");
        c.Marketplace.Should().Be("US");
        c.Units.Should().Be(3);
        c.ReferenceDate.Should().Be(D("2026-09-01"));
        c.Evidence.Should().ContainSingle().Which.Should().Be(new Evidence("ledger", D("2026-09-01"), "1234567", -3, "M misplaced"));
        c.Facts.Should().Contain("3 units").And.Contain("3 units are owed");
    }

    [Fact]
    public void LostUnitsFoundLaterAreNotClaimed()
    {
        Run(Detector, Adj("2026-09-01", "M", -2, "1"), Adj("2026-09-10", "F", 2, "2")).Should().BeEmpty();
    }

    [Fact]
    public void FoundUnitsGoToTheOldestLossOnOrBeforeThem()
    {
        var found = Run(Detector,
            Adj("2026-09-01", "M", -2, "A"),
            Adj("2026-09-10", "5", -2, "B"),
            Adj("2026-09-12", "F", 3, "F1"),
            Adj("2026-09-20", "M", -1, "C"));

        found.Select(c => (c.ReferenceId, c.Units)).Should().BeEquivalentTo(new[] { ("B", 1), ("C", 1) });
        found.Single(c => c.ReferenceId == "B").Evidence.Should().Contain(e => e.ReferenceId == "F1" && e.Note.Contains("1 set against"));
    }

    [Fact]
    public void FoundUnitsDatedBeforeEveryLossAreUnused()
    {
        Run(Detector, Adj("2026-08-01", "F", 5, "F0"), Adj("2026-09-01", "M", -2, "A"))
            .Should().ContainSingle().Which.Units.Should().Be(2);
    }

    [Fact]
    public void NRowsAreFoundUnitsToo()
    {
        Run(Detector, Adj("2026-09-01", "M", -2, "A"), Adj("2026-09-02", "N", 1, "N1"))
            .Should().ContainSingle().Which.Units.Should().Be(1);
    }

    [Fact]
    public void LostWarehouseReimbursementsOffsetAndShowAsEvidence()
    {
        var found = Run(Detector, Adj("2026-09-01", "M", -3, "A"), Reimb("2026-09-20", "555", "Lost_Warehouse", 2, perUnit: 5m));

        var c = found.Should().ContainSingle().Subject;
        c.Units.Should().Be(1);
        c.Evidence.Should().Contain(new Evidence("reimbursements", D("2026-09-20"), "555", 2, "Lost_Warehouse reimbursement 555 (2 units)"));
    }

    [Fact]
    public void ReimbursementsOfOtherReasonsDoNotOffset()
    {
        Run(Detector, Adj("2026-09-01", "M", -1, "A"), Reimb("2026-09-20", "555", "Damaged_Warehouse", 1))
            .Should().ContainSingle();
    }

    [Fact]
    public void AReversalNamingItsOriginalReopensTheLoss()
    {
        var found = Run(Detector,
            Adj("2026-09-01", "M", -2, "A"),
            Reimb("2026-09-20", "555", "Lost_Warehouse", 2),
            Reversal("2026-10-01", "556", 1, originalId: "555"));

        var c = found.Should().ContainSingle().Subject;
        c.Units.Should().Be(1);
        c.Evidence.Should().Contain(e => e.ReferenceId == "556" && e.Quantity == -1);
    }

    [Fact]
    public void AReversalWhoseOriginalIsNotInTheDataReopensTheMostRecentEarlierReimbursement()
    {
        Run(Detector,
                Adj("2026-09-01", "M", -2, "A"),
                Reimb("2026-09-20", "555", "Lost_Warehouse", 2),
                Reversal("2026-10-01", "556", 2, originalId: null))
            .Should().ContainSingle().Which.Units.Should().Be(2);
    }

    [Fact]
    public void OverPaymentOnOneFnskuNeverHidesAnother()
    {
        var found = Run(Detector,
            Adj("2026-09-01", "M", -1, "A", fnsku: "X001"),
            Reimb("2026-09-20", "555", "Lost_Warehouse", 5, fnsku: "X001"),
            Adj("2026-09-01", "M", -2, "B", fnsku: "X002", msku: "SKU-2", asin: "B000000002"));

        found.Should().ContainSingle().Which.Should().Match<Candidate>(c => c.Fnsku == "X002" && c.Units == 2);
    }

    [Fact]
    public void FoundUnitsOfAnotherFnskuDoNotOffset()
    {
        Run(Detector, Adj("2026-09-01", "M", -1, "A"), Adj("2026-09-02", "F", 1, "F", fnsku: "X002", msku: "SKU-2", asin: "B000000002"))
            .Should().ContainSingle();
    }

    [Fact]
    public void FoundUnitsUnderAnAmazonFoundMskuBelongToTheAsinsFnsku()
    {
        var found = Run(Detector,
            Adj("2026-09-01", "M", -2, "A"),
            Adj("2026-09-05", "F", 2, "F", fnsku: "X00FOUND", msku: "Amazon.Found.B000000001", asin: "B000000001"));

        found.Should().BeEmpty();
    }

    [Fact]
    public void IdenticalRowsAreSeparateEventsUnderOneKey()
    {
        var found = Run(Detector, Adj("2026-09-01", "M", -1, "A"), Adj("2026-09-01", "M", -1, "A"), Adj("2026-09-03", "F", 1, "F"));

        var c = found.Should().ContainSingle().Subject;
        c.Units.Should().Be(1);
        c.Evidence.Count(e => e.Quantity == -1).Should().Be(2);
    }

    [Fact]
    public void PositiveMRowsAndOtherEventTypesAreNotLosses()
    {
        Run(Detector,
                Adj("2026-09-01", "M", 1, "A"),
                Ledger("2026-09-01", Refully.Companion.Domain.Records.LedgerEventType.Receipts, -1, "FBA1", "X001", "US", "SKU-1", null, null, "M"))
            .Should().BeEmpty();
    }

    [Fact]
    public void ReimbursementsInAnotherCurrencyDoNotOffset()
    {
        Run(Detector, Adj("2026-09-01", "M", -1, "A"), Reimb("2026-09-20", "555", "Lost_Warehouse", 1, currency: "GBP"))
            .Should().ContainSingle().Which.Marketplace.Should().Be("US");
    }

    [Fact]
    public void EuroReimbursementsWithoutACountryOffsetLossesOfAnyEuroMarketplace()
    {
        var reimbursement = Reimb("2026-09-20", "555", "Lost_Warehouse", 1, currency: "EUR");
        reimbursement.Marketplace.Should().BeNull();

        Run(Detector, Adj("2026-09-01", "M", -1, "A", country: "FR"), reimbursement).Should().BeEmpty();
    }
}
