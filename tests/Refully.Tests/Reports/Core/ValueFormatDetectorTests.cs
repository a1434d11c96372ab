using Refully.Companion.Reports.Core;

namespace Refully.Tests.Reports.Core;

public class ValueFormatDetectorTests
{
    private static ReportValueFormat Detect(params string[][] rows) => ValueFormatDetector.Detect(rows);

    [Fact]
    public void DotDecimalsAndMonthFirstDates()
    {
        var format = Detect(["12/31/2026", "5.05"], ["01/02/2026", "1,234.50"]);
        format.Should().Be(new ReportValueFormat { DecimalComma = false, DayFirst = false, DayFirstCertain = true });
    }

    [Fact]
    public void CommaDecimalsAndDayFirstDates()
    {
        var format = Detect(["31/12/2026", "5,05"], ["01/02/2026", "1.234,50"]);
        format.Should().Be(new ReportValueFormat { DecimalComma = true, DayFirst = true, DayFirstCertain = true });
    }

    [Fact]
    public void WithoutEvidenceTheDateOrderIsAGuessThatFollowsTheDecimalMark()
    {
        Detect(["01/02/2026", "5,05"]).Should().Be(new ReportValueFormat { DecimalComma = true, DayFirst = true, DayFirstCertain = false });
        Detect(["01/02/2026", "5"]).Should().Be(new ReportValueFormat { DecimalComma = false, DayFirst = false, DayFirstCertain = false });
    }

    [Fact]
    public void ThreeDigitGroupsAndIdsAreNoEvidence()
    {
        Detect(["1,234", "1.234", "113-0013318-7697855", "X00ABC"]).DecimalComma.Should().BeFalse();
        ValueFormatDetector.DecimalEvidence("1,234").Should().Be('\0');
        ValueFormatDetector.DecimalEvidence("0,125").Should().Be(',');
    }
}
