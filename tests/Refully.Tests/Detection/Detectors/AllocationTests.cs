using Refully.Companion.Detection.Allocation;
using Refully.Companion.Detection.Indexes;
using static Refully.Tests.Detection.Detectors.Rec;

namespace Refully.Tests.Detection.Detectors;

public sealed class FifoAllocatorTests
{
    private static FifoAllocator<string, string> Losses(params (string Name, string Date, int Units)[] losses) =>
        new(losses.Select(l => (l.Name, D(l.Date), l.Units)));

    [Fact]
    public void OffsetUnitsGoToTheOldestLossOnOrBeforeThem()
    {
        var allocator = Losses(("b", "2026-03-01", 2), ("a", "2026-01-01", 2))
            .Apply([("found", D("2026-03-05"), 3)]);

        allocator.Slots.Select(s => (s.Loss, s.Remaining)).Should().Equal(("a", 0), ("b", 1));
    }

    [Fact]
    public void AnOffsetDatedBeforeEveryLossIsUnused()
    {
        var allocator = Losses(("a", "2026-02-01", 2)).Apply([("early", D("2026-01-15"), 2)]);

        allocator.Slots.Single().Remaining.Should().Be(2);
        allocator.Unused.Should().Equal(("early", 2));
    }

    [Fact]
    public void AnOffsetSkipsLossesDatedAfterIt()
    {
        var allocator = Losses(("a", "2026-01-01", 1), ("b", "2026-03-01", 5))
            .Apply([("found", D("2026-02-01"), 4)]);

        allocator.Slots.Select(s => s.Remaining).Should().Equal(0, 5);
        allocator.Unused.Should().Equal(("found", 3));
    }

    [Fact]
    public void OffsetsAreTakenInDateOrderWhateverTheInputOrder()
    {
        var allocator = Losses(("a", "2026-01-01", 1), ("b", "2026-02-01", 1))
            .Apply([("late", D("2026-03-01"), 1), ("mid", D("2026-01-10"), 1)]);

        allocator.Slots[0].Applied.Should().Equal(("mid", 1));
        allocator.Slots[1].Applied.Should().Equal(("late", 1));
    }

    [Fact]
    public void OffsetOnTheLossDayCounts()
    {
        Losses(("a", "2026-01-01", 1)).Apply([("same", D("2026-01-01"), 1)]).Slots.Single().Remaining.Should().Be(0);
    }

    [Fact]
    public void UnitsNeverGoNegativeAndNonPositiveInputsAreIgnored()
    {
        var allocator = Losses(("a", "2026-01-01", 2), ("zero", "2026-01-01", 0), ("neg", "2026-01-01", -3))
            .Apply([("big", D("2026-02-01"), 10), ("neg", D("2026-02-01"), -4)]);

        allocator.Slots.Should().ContainSingle().Which.Remaining.Should().Be(0);
        allocator.Unused.Should().Equal(("big", 8));
    }

    [Fact]
    public void MatchesRestrictsWhichLossAnOffsetMayTake()
    {
        var allocator = Losses(("sku-a", "2026-01-01", 1), ("sku-b", "2026-01-01", 1))
            .Apply([("for-b", D("2026-02-01"), 2)], matches: (loss, offset) => offset == "for-" + loss[4..]);

        allocator.Slots.Select(s => s.Remaining).Should().Equal(1, 0);
        allocator.Unused.Should().Equal(("for-b", 1));
    }
}

public sealed class ReimbursementLedgerTests
{
    [Fact]
    public void ReversalTakesUnitsFromTheRowItNames()
    {
        var ledger = new ReimbursementLedger([
            Reimb("2026-01-10", "100", "Lost_Warehouse", 2),
            Reimb("2026-01-20", "200", "Lost_Warehouse", 2),
            Reversal("2026-02-01", "900", 1, originalId: "100"),
        ]);

        ledger.Rows.Select(r => (r.Row.ReimbursementId, r.EffectiveUnits)).Should().Equal(("100", 1), ("200", 2));
    }

    [Fact]
    public void ReversalWithoutItsOriginalInTheDataTakesFromTheMostRecentEarlierRowOfTheSameReasonAndFnsku()
    {
        var ledger = new ReimbursementLedger([
            Reimb("2026-01-10", "100", "Lost_Warehouse", 2),
            Reimb("2026-01-20", "200", "Lost_Warehouse", 2),
            Reimb("2026-01-25", "250", "Damaged_Warehouse", 2),
            Reimb("2026-01-26", "260", "Lost_Warehouse", 2, fnsku: "X999"),
            Reimb("2026-03-01", "300", "Lost_Warehouse", 2),
            Reversal("2026-02-01", "900", 3, originalId: "missing"),
        ]);

        ledger.Rows.Select(r => (r.Row.ReimbursementId, r.EffectiveUnits))
            .Should().Equal(("100", 1), ("200", 0), ("250", 2), ("260", 2), ("300", 2));
    }

    [Fact]
    public void ReversalWithoutAnyOriginalIdUsesTheOrderWhenItHasNoFnsku()
    {
        var ledger = new ReimbursementLedger([
            Reimb("2026-01-10", "100", "CustomerReturn", 1, fnsku: null, order: "111-1"),
            Reimb("2026-01-10", "101", "CustomerReturn", 1, fnsku: null, order: "111-2"),
            Reversal("2026-02-01", "900", 1, originalId: null, originalType: "CustomerReturn", fnsku: null, order: "111-2"),
        ]);

        ledger.Rows.Select(r => r.EffectiveUnits).Should().Equal(1, 0);
    }

    [Theory]
    [InlineData("Lost:Warehouse")]
    [InlineData("lost_warehouse")]
    [InlineData("Lost Warehouse")]
    public void ReasonSpellingsAreOneReason(string spelling)
    {
        var ledger = new ReimbursementLedger([Reimb("2026-01-10", "100", spelling, 2)]);

        ledger.ForFnsku("X001", "Lost_Warehouse").Should().ContainSingle();
    }
}
