using Refully.Companion.Reports.Core;

namespace Refully.Tests.Reports.Core;

public class ReportRowTests
{
    private static readonly string[] Header = ["Date", "FNSKU", "Event Type", "Quantity", "buyer-email", "ship-city", "Amount"];

    private static (ReportRow Row, ProblemLog Problems) Row(ReportValueFormat? format = null)
    {
        var problems = new ProblemLog();
        var row = new ReportRow("f.tsv", new HeaderMap(Header), new TestLedgerReader().Columns, format ?? ReportValueFormat.Default, problems);
        return (row, problems);
    }

    [Fact]
    public void PersonalDataCellsAreNeverLoaded()
    {
        var (row, _) = Row();
        row.Load(["01/02/2026", "X1", "Receipts", "1", "jane@example.com", "Springfield", ""], 2);
        row.Text("email").Should().BeNull();
        row.Text("city").Should().BeNull();
        row.Text("fnsku").Should().Be("X1");
    }

    [Fact]
    public void AMalformedRequiredValueIsAnErrorNamingLineColumnAndValue()
    {
        var (row, problems) = Row();
        row.Load(["01/02/2026", "X1", "Receipts", "three"], 17);
        row.Int("quantity", required: true).Should().BeNull();
        var problem = problems.Single();
        problem.Should().Be(new ReportProblem(ProblemSeverity.Error, "f.tsv", 17, 4, "Quantity", "three", "not a whole number"));
        problem.ToString().Should().Be("f.tsv:17:4 [Quantity] value 'three': not a whole number");
    }

    [Fact]
    public void AMalformedOptionalValueIsAWarningAndNull()
    {
        var (row, problems) = Row();
        row.Load(["01/02/2026", "X1", "Receipts", "1", "", "", "lots"], 3);
        row.Decimal("amount").Should().BeNull();
        problems.Single().Severity.Should().Be(ProblemSeverity.Warning);
    }

    [Fact]
    public void AnExcelMangledIdentifierIsReportedNotStored()
    {
        var (row, problems) = Row();
        row.Load(["01/02/2026", "5.80293E+13", "Receipts", "1"], 4);
        row.Id("fnsku", required: true).Should().BeNull();
        problems.Single().Should().Match<ReportProblem>(p => p.Severity == ProblemSeverity.Error && p.Value == "5.80293E+13" && p.Column == 2);
    }

    [Fact]
    public void ADateThatOnlyFitsTheOtherOrderStopsTheReadWhenTheOrderWasGuessed()
    {
        var (row, _) = Row(new ReportValueFormat { DayFirst = true, DayFirstCertain = false });
        row.Load(["12/31/2026", "X1", "Receipts", "1"], 5);
        var read = () => row.Date("date", required: true);
        read.Should().Throw<DateOrderContradictionException>().Which.Corrected.Should().Be(new ReportValueFormat { DayFirst = false, DayFirstCertain = true });
    }

    [Fact]
    public void MissingCellsAtTheEndOfAShortRowAreNull()
    {
        var (row, _) = Row();
        row.Load(["01/02/2026"], 6);
        row.Text("quantity").Should().BeNull();
        row.Is("event", "Shipments").Should().BeFalse();
    }
}
