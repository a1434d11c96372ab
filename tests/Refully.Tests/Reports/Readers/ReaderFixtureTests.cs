namespace Refully.Tests.Reports.Readers;

/// <summary>One theory per reader over its fixture cases (Fixtures/Reports/&lt;Report&gt;/&lt;case&gt; + .expected.json).</summary>
public sealed class ReaderFixtureTests
{
    [Theory, MemberData(nameof(FixtureCases.For), "InventoryLedgerDetail", MemberType = typeof(FixtureCases))]
    public void InventoryLedgerDetail(string fixture) => FixtureCases.Check(fixture);

    [Theory, MemberData(nameof(FixtureCases.For), "InventoryLedgerSummary", MemberType = typeof(FixtureCases))]
    public void InventoryLedgerSummary(string fixture) => FixtureCases.Check(fixture);

    [Theory, MemberData(nameof(FixtureCases.For), "InventoryAdjustments", MemberType = typeof(FixtureCases))]
    public void InventoryAdjustments(string fixture) => FixtureCases.Check(fixture);

    [Theory, MemberData(nameof(FixtureCases.For), "Reimbursements", MemberType = typeof(FixtureCases))]
    public void Reimbursements(string fixture) => FixtureCases.Check(fixture);

    [Theory, MemberData(nameof(FixtureCases.For), "CustomerReturns", MemberType = typeof(FixtureCases))]
    public void CustomerReturns(string fixture) => FixtureCases.Check(fixture);

    [Theory, MemberData(nameof(FixtureCases.For), "Replacements", MemberType = typeof(FixtureCases))]
    public void Replacements(string fixture) => FixtureCases.Check(fixture);

    [Theory, MemberData(nameof(FixtureCases.For), "AmazonFulfilledShipments", MemberType = typeof(FixtureCases))]
    public void AmazonFulfilledShipments(string fixture) => FixtureCases.Check(fixture);

    [Theory, MemberData(nameof(FixtureCases.For), "AllOrders", MemberType = typeof(FixtureCases))]
    public void AllOrders(string fixture) => FixtureCases.Check(fixture);

    [Theory, MemberData(nameof(FixtureCases.For), "RemovalOrderDetail", MemberType = typeof(FixtureCases))]
    public void RemovalOrderDetail(string fixture) => FixtureCases.Check(fixture);

    [Theory, MemberData(nameof(FixtureCases.For), "RemovalShipmentDetail", MemberType = typeof(FixtureCases))]
    public void RemovalShipmentDetail(string fixture) => FixtureCases.Check(fixture);

    [Theory, MemberData(nameof(FixtureCases.For), "FeePreview", MemberType = typeof(FixtureCases))]
    public void FeePreview(string fixture) => FixtureCases.Check(fixture);

    [Theory, MemberData(nameof(FixtureCases.For), "ManageFbaInventory", MemberType = typeof(FixtureCases))]
    public void ManageFbaInventory(string fixture) => FixtureCases.Check(fixture);

    [Theory, MemberData(nameof(FixtureCases.For), "SettlementV2", MemberType = typeof(FixtureCases))]
    public void SettlementV2(string fixture) => FixtureCases.Check(fixture);

    [Theory, MemberData(nameof(FixtureCases.For), "SettlementLegacy", MemberType = typeof(FixtureCases))]
    public void SettlementLegacy(string fixture) => FixtureCases.Check(fixture);

    [Theory, MemberData(nameof(FixtureCases.For), "DateRangeTransactions", MemberType = typeof(FixtureCases))]
    public void DateRangeTransactions(string fixture) => FixtureCases.Check(fixture);

    [Theory, MemberData(nameof(FixtureCases.For), "UnitCosts", MemberType = typeof(FixtureCases))]
    public void UnitCosts(string fixture) => FixtureCases.Check(fixture);

    [Theory, MemberData(nameof(FixtureCases.For), "InboundShipments", MemberType = typeof(FixtureCases))]
    public void InboundShipments(string fixture) => FixtureCases.Check(fixture);

    [Theory, MemberData(nameof(FixtureCases.For), "InboundShipmentItems", MemberType = typeof(FixtureCases))]
    public void InboundShipmentItems(string fixture) => FixtureCases.Check(fixture);

    [Fact]
    public void EveryRegisteredReaderHasFixtures()
    {
        var folders = Directory.GetDirectories(FixtureCases.ReportsRoot).Select(Path.GetFileName).ToHashSet();
        var reports = Companion.Reports.ReportRegistry.Tabular.Select(r => r.Report)
            .Concat(Companion.Reports.ReportRegistry.Json.Select(r => r.Report));
        folders.Should().Contain(reports);
    }
}
