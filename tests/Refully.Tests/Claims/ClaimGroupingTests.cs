using Refully.Companion.Claims;
using Refully.Companion.Detection;
using static Refully.Tests.Claims.ClaimWorld;

namespace Refully.Tests.Claims;

public sealed class ClaimGroupingTests : IDisposable
{
    private readonly ClaimWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public void LostUnitsOfOneFnskuAreOneInvestigation()
    {
        _world.Seed(
            C(ClaimType.LostWarehouse, "lost-1", fnsku: "X00AAA0001", referenceId: "111"),
            C(ClaimType.LostWarehouse, "lost-2", fnsku: "X00AAA0001", referenceId: "222"),
            C(ClaimType.LostWarehouse, "lost-3", fnsku: "X00BBB0002", sku: "SKU-2", referenceId: "333"));

        var drafts = _world.Drafter.Drafts();

        drafts.Should().HaveCount(2);
        var aaa = drafts.Single(d => d.Fields.Any(f => f.Name == "fnsku" && f.Value == "X00AAA0001"));
        aaa.FindingIds.Should().HaveCount(2);
        aaa.Units.Should().Be(4);
        aaa.Amount.Should().Be(34.80m);
    }

    [Fact]
    public void DamageIsOneCasePerTransactionItemId()
    {
        _world.Seed(
            C(ClaimType.DamagedWarehouse, "d-1", referenceId: "9001"),
            C(ClaimType.DamagedWarehouse, "d-2", referenceId: "9002"));

        _world.Drafter.Drafts().Select(d => d.Fields.Single(f => f.Name == "transactionItemId").Value)
            .Should().BeEquivalentTo(["9001", "9002"]);
    }

    [Fact]
    public void ReturnClaimsAreOneCasePerOrder()
    {
        _world.Seed(
            C(ClaimType.RefundNotReturned, "o1|A", orderId: "111-0000001-0000001", sku: "SKU-A"),
            C(ClaimType.RefundNotReturned, "o1|B", orderId: "111-0000001-0000001", sku: "SKU-B"),
            C(ClaimType.RefundNotReturned, "o2|A", orderId: "111-0000002-0000002", sku: "SKU-A"));

        var drafts = _world.Drafter.Drafts();

        drafts.Select(d => (d.Fields.Single(f => f.Name == "orderId").Value, d.FindingIds.Count))
            .Should().BeEquivalentTo([("111-0000001-0000001", 2), ("111-0000002-0000002", 1)]);
    }

    [Fact]
    public void InboundShortagesAreOneReconcilePerShipmentAndRemovalsOnePerOrder()
    {
        _world.Seed(
            C(ClaimType.InboundShortage, "FBA15Q6QQ08T|X1", shipmentId: "FBA15Q6QQ08T", fnsku: "X00AAA0001"),
            C(ClaimType.InboundShortage, "FBA15Q6QQ08T|X2", shipmentId: "FBA15Q6QQ08T", fnsku: "X00BBB0002"),
            C(ClaimType.RemovalShortage, "R1|X1", removalOrderId: "R-100", fnsku: "X00AAA0001"),
            C(ClaimType.RemovalShortage, "R2|X1", removalOrderId: "R-200", fnsku: "X00AAA0001"));

        var drafts = _world.Drafter.Drafts();

        var inbound = drafts.Single(d => d.ClaimType == "InboundShortage");
        inbound.FindingIds.Should().HaveCount(2);
        inbound.Lines.Select(l => l.Fnsku).Should().BeEquivalentTo(["X00AAA0001", "X00BBB0002"]);
        inbound.Fields.Should().NotContain(f => f.Name == "fnsku", "two FNSKUs: the lines carry them");
        drafts.Where(d => d.ClaimType == "RemovalShortage").Select(d => d.Fields.Single(f => f.Name == "removalOrderId").Value)
            .Should().BeEquivalentTo(["R-100", "R-200"]);
    }

    [Fact]
    public void BelowCostIsOneCasePerReimbursementAndConfirmedReviewFindingsOneEach()
    {
        var review = _world.Seed(
            C(ClaimType.ReimbursedBelowCost, "r1|X1", referenceId: "5550001", fixedAmount: 3.10m, currency: "USD"),
            C(ClaimType.ReimbursedBelowCost, "r1|X2", referenceId: "5550001", fnsku: "X00BBB0002", fixedAmount: 1.00m, currency: "USD"),
            C(ClaimType.ReimbursedBelowCost, "r2|X1", referenceId: "5550002", fixedAmount: 2.00m, currency: "USD"),
            C(ClaimType.DisposedWithoutRequest, "disp-1", referenceId: "4001"),
            C(ClaimType.DisposedWithoutRequest, "disp-2", referenceId: "4002"))
            .Where(f => f.Type == ClaimType.DisposedWithoutRequest).ToList();
        review.Should().OnlyContain(f => f.Status == FindingStatus.NeedsReview);

        _world.Drafter.Drafts().Should().NotContain(d => d.ClaimType == "DisposedWithoutRequest", "unconfirmed review findings are not claimable");
        foreach (var f in review)
        {
            _world.Findings.Confirm(f.Id, "seller");
        }

        var drafts = _world.Drafter.Drafts();
        drafts.Count(d => d.ClaimType == "DisposedWithoutRequest").Should().Be(2);
        drafts.Where(d => d.ClaimType == "ReimbursedBelowCost").Select(d => (d.Fields.Single(f => f.Name == "reimbursementId").Value, d.Amount))
            .Should().BeEquivalentTo([("5550001", (decimal?)4.10m), ("5550002", (decimal?)2.00m)]);
    }

    [Fact]
    public void OnlyClaimableFindingsBecomeDrafts()
    {
        var found = _world.Seed(
            C(ClaimType.LostWarehouse, "claimable", fnsku: "X00AAA0001"),
            C(ClaimType.LostWarehouse, "waiting", fnsku: "X00BBB0002", reference: AsOf.AddDays(-3)),
            C(ClaimType.LostWarehouse, "expired", fnsku: "X00CCC0003", reference: AsOf.AddDays(-200)),
            C(ClaimType.LostWarehouse, "filed", fnsku: "X00DDD0004"),
            C(ClaimType.LostWarehouse, "dismissed", fnsku: "X00EEE0005"));
        found.Select(f => f.Status).Should().Contain([FindingStatus.Waiting, FindingStatus.Expired]);
        _world.Tracker.MarkFiled([found.Single(f => f.Fnsku == "X00DDD0004").Id], "12345678901", "test");
        _world.Findings.SetLifecycle(found.Single(f => f.Fnsku == "X00EEE0005").Id, FindingStatus.Dismissed, "seller", "no");

        _world.Drafter.Drafts().SelectMany(d => d.Fields.Where(f => f.Name == "fnsku").Select(f => f.Value))
            .Should().Equal("X00AAA0001");
    }

    [Fact]
    public void DraftIdsAreStableAndFilterable()
    {
        var found = _world.Seed(
            C(ClaimType.LostWarehouse, "a", fnsku: "X00AAA0001"),
            C(ClaimType.LostWarehouse, "b", fnsku: "X00BBB0002", marketplace: "CA"));

        var first = _world.Drafter.Drafts().Select(d => d.Id).ToList();
        var second = _world.Drafter.Drafts().Select(d => d.Id).ToList();

        second.Should().Equal(first);
        first.Should().OnlyContain(id => id.StartsWith("cd-"));
        _world.Drafter.Drafts(marketplace: "CA").Should().ContainSingle().Which.Marketplace.Should().Be("CA");
        var byFinding = _world.Drafter.Drafts(findingId: found.Single(f => f.Fnsku == "X00AAA0001").Id);
        byFinding.Should().ContainSingle().Which.Id.Should().Be(ClaimGroup.DraftIdOf("LostWarehouse|US|X00AAA0001"));
        _world.Drafter.Draft(byFinding[0].Id)!.Subject.Should().Be(byFinding[0].Subject);
    }
}
