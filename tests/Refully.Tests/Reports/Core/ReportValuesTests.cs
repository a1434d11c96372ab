using Refully.Companion.Reports.Core;

namespace Refully.Tests.Reports.Core;

public class ReportValuesTests
{
    private static readonly ReportValueFormat Dot = new();
    private static readonly ReportValueFormat Comma = new() { DecimalComma = true };

    [Theory]
    [InlineData("12", "12")]
    [InlineData("-3", "-3")]
    [InlineData("24732.00", "24732.00")]
    [InlineData("5.05", "5.05")]
    [InlineData("5,05", "5.05")]
    [InlineData("1141,18", "1141.18")]
    [InlineData("1,234.56", "1234.56")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1 135,72", "1135.72")]
    [InlineData("1\u00A0135,72", "1135.72")]
    [InlineData("R$ 300,00", "300.00")]
    [InlineData("$1,200.50", "1200.50")]
    [InlineData("€12,50", "12.50")]
    [InlineData("12.50 EUR", "12.50")]
    [InlineData("(12.00)", "-12.00")]
    [InlineData("-0.123", "-0.123")]
    [InlineData("1,234,567", "1234567")]
    public void ReadsNumbersWhateverTheirDecimalMark(string value, string expected)
    {
        ReportValues.TryParseDecimal(value, Dot, out var result).Should().BeTrue(value);
        result.Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1,234", false, "1234")]
    [InlineData("1,234", true, "1.234")]
    [InlineData("1.234", false, "1.234")]
    [InlineData("1.234", true, "1234")]
    [InlineData("0,125", false, "0.125")]
    public void AThreeDigitGroupIsSettledByTheFilesFormat(string value, bool decimalComma, string expected)
    {
        ReportValues.TryParseDecimal(value, decimalComma ? Comma : Dot, out var result).Should().BeTrue();
        result.Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12a34")]
    [InlineData("1.2.3,4,5")]
    [InlineData("12,34,5")]
    [InlineData("--")]
    public void RefusesWhatIsNotANumber(string value)
    {
        ReportValues.TryParseDecimal(value, Dot, out _).Should().BeFalse(value);
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("-12", -12)]
    [InlineData("1,000", 1000)]
    public void ReadsWholeNumbers(string value, int expected)
    {
        ReportValues.TryParseInt(value, Dot, out var result).Should().BeTrue();
        result.Should().Be(expected);
    }

    [Fact]
    public void AFractionIsNotAWholeNumber() => ReportValues.TryParseInt("1.5", Dot, out _).Should().BeFalse();

    [Theory]
    [InlineData("5.80293E+13", true)]
    [InlineData("4.43659E+11", true)]
    [InlineData("1E+12", true)]
    [InlineData("5,80293E+13", true)]
    [InlineData("1.0825e+12", true)]
    [InlineData("503-8346168-3395065", false)]
    [InlineData("X00ABC1234", false)]
    [InlineData("FBA15DF2763D", false)]
    [InlineData("E12345", false)]
    [InlineData("B0E1234567", false)]
    public void SpotsIdentifiersASpreadsheetTurnedIntoNumbers(string value, bool mangled)
    {
        ReportValues.LooksExcelMangled(value).Should().Be(mangled);
    }
}
