using Refully.Companion.Domain.Records;
using Refully.Companion.Reports;
using Refully.Companion.Reports.Core;

namespace Refully.Tests.Reports.Readers;

/// <summary>Every real public sample (Fixtures/RealData, see PROVENANCE.md) is read by its reader or rejected for a stated reason.</summary>
public sealed class RealDataTests
{
    private static FixtureFile Read(string name) => FixtureFile.Read(Path.Combine(FixtureFile.Root, "RealData", name));

    [Fact]
    public void JapaneseAmazonFulfilledShipmentsAreReadDespiteSpreadsheetDamage()
    {
        var file = Read("amazon_fulfilled_shipments_jp_balmuda_2017.tsv");

        file.Report.Should().Be("AmazonFulfilledShipments");
        var lines = file.Records.Cast<ShipmentLine>().ToList();
        lines.Should().HaveCount(17).And.OnlyContain(l => l.Marketplace == "JP" && l.Currency == "JPY" && l.FulfillmentChannel == "AFN");
        lines[0].Should().BeEquivalentTo(new
        {
            AmazonOrderId = "249-0814575-0394263", ShipmentId = "Dlvj7BYxk", ShipmentItemId = "DHf2GPpHR",
            AmazonOrderItemId = "67225985676654", ItemPrice = 24732.00m, PointsGranted = 0, FulfillmentCenterId = "HND3",
            ShipmentDate = new DateTimeOffset(2017, 6, 5, 19, 58, 19, TimeSpan.FromHours(9)), TrackingNumber = "443656408532",
        });
        lines.Where(l => l.AmazonOrderId == "503-8346168-3395065").Should().HaveCount(2, "one order shipped in two lines");
        // 15 rows were re-saved by Excel: order item ids and tracking numbers in scientific notation are refused (warnings), never kept.
        file.Problems.Should().HaveCount(30).And.OnlyContain(p => p.Severity == ProblemSeverity.Warning && p.Message.Contains("spreadsheet"));
        lines.Count(l => l.AmazonOrderItemId is null).Should().Be(15);
    }

    [Fact]
    public void LegacySettlementExcerptIsRead()
    {
        var file = Read("settlement_flatfile_v1_edifier_2015_excerpt.tsv");

        file.Report.Should().Be("SettlementLegacy");
        file.Problems.Should().BeEmpty();
        var lines = file.Records.Cast<Transaction>().ToList();
        lines.Should().HaveCount(3, "the settlement summary row gives no record");
        lines.Should().OnlyContain(t => t.Type == TransactionType.Order && t.OrderId == "112-8095165-5463447"
            && t.Currency == "USD" && t.Marketplace == "US" && t.Fulfillment == Fulfillment.Amazon && t.SettlementId == "6016502941");
        lines.Select(t => (t.AmountType, t.AmountDescription, t.Amount)).Should().Equal(
            (null, null, null), ("ItemPrice", "Principal", 27.99m), ("ItemFees", "FBAPerOrderFulfillmentFee", -1.00m));
        lines[1].ProductSales.Should().Be(27.99m);
    }

    [Fact]
    public void DateRangeTransaction2017RowIsReadAfterItsPreamble()
    {
        var file = Read("date_range_transaction_report_mkp_2017_example.csv");

        file.Report.Should().Be("DateRangeTransactions");
        file.Problems.Should().BeEmpty();
        file.Records.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Type = TransactionType.Order, OrderId = "113-0013318-7697855", Sku = "MKP-FDW8652-U", Quantity = 1,
            Marketplace = "US", Currency = "USD", Fulfillment = Fulfillment.Amazon, ProductSales = 57.96m,
            SellingFees = -8.69m, FbaFees = -10.19m, Total = 39.08m, SettlementId = "6503097031",
            Date = new DateTimeOffset(2017, 12, 1, 0, 38, 23, TimeSpan.FromHours(-8)),
        });
    }

    [Fact]
    public void InboundSandboxResponsesAreRead()
    {
        var shipments = Read("spapi_inbound_v0_getShipments_sandbox.json");
        var items = Read("spapi_inbound_v0_getShipmentItemsByShipmentId_sandbox.json");

        shipments.Report.Should().Be("InboundShipments");
        shipments.Records.Should().ContainSingle().Which.Should().BeEquivalentTo(new InboundShipment
        {
            ShipmentId = "FBA15DJ9S3J5", ShipmentName = "FBA (2/11/20, 11:18 AM) - 1", DestinationFulfillmentCenterId = "MKC6",
            ShipmentStatus = "SHIPPED", LabelPrepType = "SELLER_LABEL", BoxContentsSource = "INTERACTIVE",
        });
        items.Report.Should().Be("InboundShipmentItems");
        items.Records.Should().ContainSingle().Which.Should().BeEquivalentTo(new InboundShipmentItem
        {
            ShipmentId = "FBA15DF2763D", SellerSku = "CR-47K6-H6QN", Fnsku = "X0014BIZ8T", QuantityShipped = 4,
            QuantityReceived = 0, QuantityInCase = 0, ReleaseDate = new DateOnly(2013, 5, 29),
        });
        (shipments.Problems.Count + items.Problems.Count).Should().Be(0);
    }

    [Theory]
    [InlineData("open_listings_edifier_2018_mws_rs_fixture.tsv")] // Open Listings (sku, asin, price, quantity): no claim needs listing prices
    [InlineData("mws_list_financial_events_debug_dump_mkp_2016.txt")] // a Perl debug print of MWS ListFinancialEvents, not an Amazon file format
    [InlineData("headers_reference.tsv")] // a research table of header lines, not a report (its lines are tested below)
    public void SamplesThatAreNotReportsRefullyReadsAreRejected(string name)
    {
        var file = Read(name);
        file.Report.Should().BeNull();
        file.Records.Should().BeEmpty();
    }

    public static TheoryData<string, string, string?> ReferenceHeaders()
    {
        var expected = new Dictionary<string, string?>
        {
            ["GET_LEDGER_DETAIL_VIEW_DATA"] = "InventoryLedgerDetail",
            ["GET_LEDGER_SUMMARY_VIEW_DATA"] = "InventoryLedgerSummary",
            ["GET_FBA_FULFILLMENT_INVENTORY_ADJUSTMENTS_DATA"] = "InventoryAdjustments",
            ["GET_FBA_REIMBURSEMENTS_DATA"] = "Reimbursements",
            ["GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA"] = "CustomerReturns",
            ["GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL"] = "AmazonFulfilledShipments",
            ["GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL"] = "AllOrders",
            ["GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2"] = "SettlementV2",
            ["GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE"] = "SettlementLegacy",
            ["Date Range Reports > Transaction (CustomTransaction.csv)"] = "DateRangeTransactions",
            ["Date Range Reports > Transaction (CustomUnifiedTransaction.csv)"] = "DateRangeTransactions",
            ["GET_FBA_ESTIMATED_FBA_FEES_TXT_DATA"] = "FeePreview",
            ["GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA"] = "ManageFbaInventory",
            ["GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA"] = "RemovalOrderDetail",
            ["GET_FLAT_FILE_OPEN_LISTINGS_DATA"] = null,
        };
        var data = new TheoryData<string, string, string?>();
        foreach (var line in File.ReadLines(Path.Combine(FixtureFile.Root, "RealData", "headers_reference.tsv")).Skip(1))
        {
            var cells = line.Split('\t');
            data.Add($"{cells[0]} / {cells[1]}", cells[6], expected[cells[0]]);
        }
        return data;
    }

    [Theory, MemberData(nameof(ReferenceHeaders))]
    public void EveryReferenceHeaderIsRecognisedAsItsReport(string variant, string header, string? report)
    {
        var headers = new HeaderMap(header.Split('|'));
        ReportRegistry.Recognise(headers)?.Report.Should().Be(report, variant);
        ReportRegistry.Tabular.Count(r => ReportRegistry.Matches(r, headers)).Should().Be(report is null ? 0 : 1, variant);
    }
}
