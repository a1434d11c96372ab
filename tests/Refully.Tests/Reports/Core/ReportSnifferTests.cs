using System.Text;
using Refully.Companion.Reports.Core;

namespace Refully.Tests.Reports.Core;

public class ReportSnifferTests
{
    private static SniffResult Sniff(string text, Encoding? encoding = null)
    {
        var bytes = (encoding ?? Encoding.UTF8).GetBytes(text);
        return new ReportSniffer(TestReaders.Recognizer).Sniff(new ReportInput("test.txt", () => new MemoryStream(bytes)));
    }

    [Theory]
    [InlineData("Date\tFNSKU\tEvent Type\tQuantity\n01/02/2026\tX001\tReceipts\t3\n", '\t', false)]
    [InlineData("Date,FNSKU,Event Type,Quantity\r\n01/02/2026,X001,Receipts,3\r\n", ',', true)]
    [InlineData("\"Date\",\"FNSKU\",\"Event Type\",\"Quantity\"\n\"01/02/2026\",\"X001\",\"Receipts\",\"3\"\n", ',', true)]
    [InlineData("Datum;FNSKU;Event Type;Menge\n02.01.2026;X001;Receipts;3\n", ';', true)]
    [InlineData("\"Date\"\t\"FNSKU\"\t\"Event Type\"\t\"Quantity\"\n", '\t', true)]
    public void FindsTheDelimiterAndWhetherQuotesAreParsed(string text, char delimiter, bool quoted)
    {
        var layout = Sniff(text).Layout!;
        layout.Recognition.Reader.Report.Should().Be("TestLedger");
        layout.Delimiter.Should().Be(delimiter);
        layout.Quoted.Should().Be(quoted);
        layout.HeaderLineIndex.Should().Be(0);
    }

    [Fact]
    public void SkipsPreambleLinesBeforeTheHeader()
    {
        var text = "\"Includes Amazon Marketplace, Fulfillment by Amazon (FBA), and Amazon Webstore transactions\"\n"
            + "\"All amounts in USD, unless specified\"\n\"Definitions:\"\n\n"
            + "\"Date\",\"FNSKU\",\"Event Type\",\"Quantity\"\n\"01/02/2026\",\"X1\",\"Receipts\",\"1\"\n";
        Sniff(text).Layout!.HeaderLineIndex.Should().Be(4);
    }

    [Fact]
    public void AHeaderBeyondThePreambleLimitIsNotLookedFor()
    {
        var text = string.Concat(Enumerable.Repeat("note\n", ReportSniffer.MaxPreambleLines)) + "Date\tFNSKU\tEvent Type\tQuantity\n";
        Sniff(text).Layout.Should().BeNull();
    }

    [Fact]
    public void AnUnknownFileNamesTheClosestReportAndTheColumnsItLacks()
    {
        var result = Sniff("approval-date\treimbursement-id\tsku\tamount-total\n2026-01-01\t1\tA\t3.00\n");
        result.Layout.Should().BeNull();
        result.Closest!.Reader.Report.Should().Be("TestReimbursements");
        result.Closest.Missing.Should().Equal("reason", "fnsku");
        result.RejectionMessage.Should().Be("not a known report: closest is TestReimbursements (3 of 5 required columns; missing columns: reason, fnsku)");
    }

    [Fact]
    public void AFileWithNoKnownColumnAtAllSaysSo()
    {
        Sniff("hello\tworld\n").RejectionMessage.Should().StartWith("not a known report: no line in its first 30");
        Sniff("").RejectionMessage.Should().Be("the file is empty");
    }

    [Fact]
    public void AJsonDocumentIsHandedToTheJsonReaders() => Sniff("  {\"payload\": {}}").IsJson.Should().BeTrue();

    [Fact]
    public void DetectsDecimalCommaAndDayFirstFromTheRowsAfterTheHeader()
    {
        var format = Sniff("Datum;FNSKU;Event Type;Menge;Betrag\n13/01/2026;X1;Receipts;1;5,05\n").Layout!.Format;
        format.DecimalComma.Should().BeTrue();
        format.DayFirst.Should().BeTrue();
        format.DayFirstCertain.Should().BeTrue();
    }

    [Fact]
    public void ReadsAShiftJisHeader()
    {
        var readers = new ReportRecognizer([new JapaneseReader()]);
        var bytes = Encoding.GetEncoding(932).GetBytes("返品日\t注文番号\t数量\n2026/01/02\t249-0814575-0394263\t1\n");
        var layout = new ReportSniffer(readers).Sniff(new ReportInput("jp.txt", () => new MemoryStream(bytes))).Layout!;
        layout.Encoding.CodePage.Should().Be(932);
        layout.Recognition.Reader.Report.Should().Be("JapaneseReturns");
    }

    private sealed class JapaneseReader : ITabularReportReader
    {
        public string Report => "JapaneseReturns";

        public IReadOnlyList<ReportColumn> Columns { get; } = [ReportColumn.Req("date", "return-date", "返品日"), ReportColumn.Req("order", "order-id", "注文番号")];

        public void Read(ReportRow row, IRecordSink sink) { }
    }

    static ReportSnifferTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
