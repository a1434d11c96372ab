using Refully.Companion.Reports.Core;

namespace Refully.Tests.Reports.Core;

public class ReportDatesTests
{
    private static readonly ReportValueFormat MonthFirst = new() { DayFirst = false };
    private static readonly ReportValueFormat DayFirst = new() { DayFirst = true };

    [Theory]
    [InlineData("2026-07-06", "2026-07-06T00:00:00+00:00")]
    [InlineData("2026/07/06", "2026-07-06T00:00:00+00:00")]
    [InlineData("2026-07-06T00:00:00-0700", "2026-07-06T00:00:00-07:00")]
    [InlineData("2015-12-02T03:27:08+00:00", "2015-12-02T03:27:08+00:00")]
    [InlineData("2017-06-05T06:57:28+09:00", "2017-06-05T06:57:28+09:00")]
    [InlineData("2026-03-01T10:11:12Z", "2026-03-01T10:11:12+00:00")]
    [InlineData("2026-03-01T10:11:12.250Z", "2026-03-01T10:11:12.2500000+00:00")]
    [InlineData("2026-03-01 10:11:12 UTC", "2026-03-01T10:11:12+00:00")]
    [InlineData("12/31/2026", "2026-12-31T00:00:00+00:00")]
    [InlineData("7/4/2026", "2026-07-04T00:00:00+00:00")]
    [InlineData("07/04/2026 13:05:00", "2026-07-04T13:05:00+00:00")]
    [InlineData("Dec 1, 2017 12:38:23 AM PST", "2017-12-01T00:38:23-08:00")]
    [InlineData("Jul 4, 2026 1:38:23 PM PDT", "2026-07-04T13:38:23-07:00")]
    [InlineData("14.03.2023 07:49:55 UTC", "2023-03-14T07:49:55+00:00")]
    [InlineData("01.03.2023 00:21:15 GMT+01:00", "2023-03-01T00:21:15+01:00")]
    [InlineData("15 Mar 2023 07:49:55 GMT", "2023-03-15T07:49:55+00:00")]
    [InlineData("1 mar 2023 00.21.15 GMT+00:00", "2023-03-01T00:21:15+00:00")]
    [InlineData("1. März 2023 10:00:00 MEZ", "2023-03-01T10:00:00+01:00")]
    [InlineData("1 janv. 2023 08:00:00 UTC", "2023-01-01T08:00:00+00:00")]
    [InlineData("05-JUN-2017", "2017-06-05T00:00:00+00:00")]
    [InlineData("2023/03/01 0:21:15 JST", "2023-03-01T00:21:15+09:00")]
    [InlineData("2017年6月5日", "2017-06-05T00:00:00+00:00")]
    [InlineData("Mar 1, 2023 12:00:00 AM CET", "2023-03-01T00:00:00+01:00")]
    [InlineData("2026-07-06T23:59:59+0530", "2026-07-06T23:59:59+05:30")]
    public void ReadsEveryShapeAmazonWrites(string value, string expected)
    {
        ReportValues.TryParseTimestamp(value, MonthFirst, out var result).Should().BeTrue(value);
        result.Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        result.Offset.Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset);
    }

    [Theory]
    [InlineData("03/04/2026", false, 2026, 3, 4)]
    [InlineData("03/04/2026", true, 2026, 4, 3)]
    [InlineData("31/12/2026", true, 2026, 12, 31)]
    [InlineData("31-12-2026", true, 2026, 12, 31)]
    [InlineData("04.03.2026", false, 2026, 3, 4)]
    [InlineData("04/03/26", true, 2026, 3, 4)]
    public void NumericDatesFollowTheFilesOrderExceptDottedOnesWhichAreAlwaysDayFirst(string value, bool dayFirst, int y, int m, int d)
    {
        ReportValues.TryParseDate(value, dayFirst ? DayFirst : MonthFirst, out var date).Should().BeTrue();
        date.Should().Be(new DateOnly(y, m, d));
    }

    [Fact]
    public void ADateIsTheCalendarDateAsWrittenNotShiftedToUtc()
    {
        ReportValues.TryParseDate("Dec 1, 2017 11:38:23 PM PST", MonthFirst, out var date).Should().BeTrue();
        date.Should().Be(new DateOnly(2017, 12, 1));
    }

    [Fact]
    public void ATimeWithoutZoneTakesTheDefaultOffset()
    {
        ReportValues.TryParseTimestamp("2026-01-02 03:04:05", MonthFirst with { DefaultOffset = TimeSpan.FromHours(9) }, out var ts).Should().BeTrue();
        ts.Offset.Should().Be(TimeSpan.FromHours(9));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("31/12/2026")]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("2026-01-01T25:00:00Z")]
    [InlineData("2026-01-01 10:00 XYZ")]
    [InlineData("12345")]
    [InlineData("5.80293E+13")]
    [InlineData("2026-01-01T10:00:00+1500")]
    public void RefusesWhatIsNotADate(string value)
    {
        ReportValues.TryParseTimestamp(value, MonthFirst, out _).Should().BeFalse(value);
    }
}
