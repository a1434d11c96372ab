using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using Refully.Companion.Reports.Readers;

namespace Refully.Tests.Reports.Readers;

/// <summary>The shared reader helpers: region split, transaction types, dispositions, fulfilment, values.</summary>
public sealed class VocabularyTests
{
    [Theory]
    [InlineData("USD", "US")]
    [InlineData("CAD", "CA")]
    [InlineData("MXN", "MX")]
    [InlineData("GBP", "UK")]
    [InlineData("jpy", "JP")]
    [InlineData("SEK", "SE")]
    [InlineData("EUR", null)]
    [InlineData("XYZ", null)]
    [InlineData(null, null)]
    public void CurrencyNamesItsMarketplaceOnlyWhenOneUsesIt(string? currency, string? marketplace) =>
        RegionSplit.FromCurrency(currency).Should().Be(marketplace);

    [Theory]
    [InlineData("Amazon.com", "US")]
    [InlineData("amazon.co.jp", "JP")]
    [InlineData("www.amazon.de", "DE")]
    [InlineData("Amazon.co.uk", "UK")]
    [InlineData("GB", "UK")]
    [InlineData("fr", "FR")]
    [InlineData("A1PA6795UKMFR9", "DE")]
    [InlineData("Non-Amazon", null)]
    [InlineData("amazon.example", null)]
    [InlineData("", null)]
    public void MarketplaceNamesCodesAndIdsAreUnderstood(string name, string? marketplace) =>
        RegionSplit.FromName(name).Should().Be(marketplace);

    [Fact]
    public void EuroRowsWithoutACountryGetOneWarningPerFile()
    {
        var problems = new List<ReportProblem>();
        var columns = new[] { ReportColumn.Req("currency", "currency-unit") };
        var row = new ReportRow("eu.tsv", new HeaderMap(["currency-unit"]), columns, ReportValueFormat.Default, problems);

        row.Load(["EUR"], 2);
        var first = RegionSplit.Marketplace(row, "currency");
        row.Load(["EUR"], 3);
        var second = RegionSplit.Marketplace(row, "currency");
        row.Load(["GBP"], 4);
        var third = RegionSplit.Marketplace(row, "currency");

        (first, second, third).Should().Be(((string?)null, (string?)null, (string?)"UK"));
        problems.Should().ContainSingle().Which.Line.Should().Be(2);
    }

    [Fact]
    public void ACountryColumnWinsOverTheCurrency()
    {
        var columns = new[] { ReportColumn.Req("currency", "currency"), ReportColumn.Opt("store", "amazon-store") };
        var row = new ReportRow("f.tsv", new HeaderMap(["currency", "amazon-store"]), columns, ReportValueFormat.Default, new List<ReportProblem>());
        row.Load(["EUR", "DE"], 2);
        RegionSplit.Marketplace(row, "currency", "store").Should().Be("DE");
    }

    [Theory]
    [InlineData("Refund", TransactionType.Refund)]
    [InlineData("Erstattung", TransactionType.Refund)]
    [InlineData("Remboursement", TransactionType.Refund)]
    [InlineData("Rimborso", TransactionType.Refund)]
    [InlineData("Reembolso", TransactionType.Refund)]
    [InlineData("返金", TransactionType.Refund)]
    [InlineData("Bestellung", TransactionType.Order)]
    [InlineData("注文", TransactionType.Order)]
    [InlineData("Anpassung", TransactionType.Adjustment)]
    [InlineData("Modifica", TransactionType.Adjustment)]
    [InlineData("Servicegebühr", TransactionType.ServiceFee)]
    [InlineData("ServiceFee", TransactionType.ServiceFee)]
    [InlineData("FBA Inventory Fee", TransactionType.FbaInventoryFee)]
    [InlineData("Fulfilment by Amazon inventory fee", TransactionType.FbaInventoryFee)]
    [InlineData("FBA 在庫関連の手数料", TransactionType.FbaInventoryFee)]
    [InlineData("Order_Retrocharge", TransactionType.OrderRetrocharge)]
    [InlineData("Übertrag", TransactionType.Transfer)]
    [InlineData("other-transaction", TransactionType.Other)]
    [InlineData(null, TransactionType.Other)]
    public void TransactionTypeWordsOfEveryLanguageAreNormalised(string? word, TransactionType type) =>
        TransactionVocabulary.Type(word).Should().Be(type);

    [Theory]
    [InlineData("SELLABLE", "SELLABLE")]
    [InlineData("Sellable", "SELLABLE")]
    [InlineData("販売可", "SELLABLE")]
    [InlineData("販売不可", "UNSELLABLE")]
    [InlineData("カスタマーによる損傷", "CUSTOMER_DAMAGED")]
    [InlineData("配送業者による損傷", "CARRIER_DAMAGED")]
    [InlineData("欠陥品・不良品", "DEFECTIVE")]
    [InlineData("Customer Damaged", "CUSTOMER_DAMAGED")]
    [InlineData("SOMETHING_NEW", "SOMETHING_NEW")]
    public void DispositionsBecomeAmazonsCodes(string text, string code) =>
        LedgerVocabulary.Disposition(text).Should().Be(code);

    [Theory]
    [InlineData("AFN", Fulfillment.Amazon)]
    [InlineData("Amazon", Fulfillment.Amazon)]
    [InlineData("MFN", Fulfillment.Merchant)]
    [InlineData("Merchant", Fulfillment.Merchant)]
    [InlineData("Seller", Fulfillment.Merchant)]
    [InlineData("Verkäufer", Fulfillment.Merchant)]
    [InlineData("出品者", Fulfillment.Merchant)]
    [InlineData("", Fulfillment.Unknown)]
    [InlineData(null, Fulfillment.Unknown)]
    public void FulfillmentWordsAreNormalised(string? text, Fulfillment fulfillment) =>
        RowValues.Fulfillment(text).Should().Be(fulfillment);

    [Fact]
    public void DashesAreAnEmptyAmountAndBadFlagsAreWarnings()
    {
        var problems = new List<ReportProblem>();
        var columns = new[] { ReportColumn.Opt("fee", "fee"), ReportColumn.Opt("flag", "flag") };
        var row = new ReportRow("f.tsv", new HeaderMap(["fee", "flag"]), columns, ReportValueFormat.Default, problems);

        row.Load(["--", "maybe"], 2);
        var (fee, flag) = (row.Amount("fee"), row.Flag("flag"));
        row.Load(["4.50", "Y"], 3);

        (fee, flag, row.Amount("fee"), row.Flag("flag")).Should().Be(((decimal?)null, (bool?)null, (decimal?)4.50m, (bool?)true));
        problems.Should().ContainSingle().Which.Value.Should().Be("maybe");
    }

    [Fact]
    public void NaturalKeysAreCultureInvariantAndJoinAbsentPartsAsEmpty() =>
        RecordKey.Join(new DateOnly(2026, 7, 9), null, 1.50m, -2, LedgerEventType.Adjustments).Should().Be("2026-07-09||1.5|-2|Adjustments");
}
