using System.Text;
using Refully.Companion.Reports.Core;

namespace Refully.Tests.Reports.Core;

public class TextEncodingDetectorTests
{
    static TextEncodingDetectorTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("Datum/Uhrzeit\tAbrechnungsnummer\tTyp\tBestellnummer\tUmsätze\nBestellung\tÜbertrag\tGebühren\n")]
    [InlineData("date/heure,numéro de versement,numéro de la commande,crédits d'expédition,déc.\n")]
    [InlineData("Data/Ora:;Numero ordine;Quantità;Città di provenienza\n")]
    [InlineData("sku\tproduct-name\nABC\tCafé crème – 12\" “Deluxe”\n")]
    public void WesternTextWithoutBomIsWindows1252(string text)
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(text);
        TextEncodingDetector.Detect(bytes, complete: true).CodePage.Should().Be(1252);
    }

    [Theory]
    [InlineData("日付/時間,決済番号,トランザクションの種類,注文番号,SKU,説明,数量\n")]
    [InlineData("返品日\t注文番号\t出品者SKU\t商品の状態\t理由\nｱｲｳ\t販売可\t欠陥品・不良品\n")]
    [InlineData("注文番号,合計\n249-0814575-0394263,24732\n")]
    public void JapaneseTextWithoutBomIsShiftJis(string text)
    {
        var bytes = Encoding.GetEncoding(932).GetBytes(text);
        TextEncodingDetector.Detect(bytes, complete: true).CodePage.Should().Be(932);
    }

    [Theory]
    [InlineData("Umsätze,日付/時間\n")]
    [InlineData("plain ascii,only\n")]
    public void ValidUtf8IsUtf8(string text)
    {
        TextEncodingDetector.Detect(Encoding.UTF8.GetBytes(text), complete: true).Should().BeOfType<UTF8Encoding>();
    }

    [Fact]
    public void AByteOrderMarkDecides()
    {
        var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Date\tFNSKU")).ToArray();
        TextEncodingDetector.Detect(bom, complete: true).Should().BeOfType<UTF8Encoding>();
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Date\tFNSKU")).ToArray();
        TextEncodingDetector.Detect(utf16, complete: true).Should().Be(Encoding.Unicode);
    }

    [Fact]
    public void AUtf8CharacterCutAtTheEndOfTheSampleIsStillUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("abc Umsätze ä");
        TextEncodingDetector.Detect(bytes.AsSpan(0, bytes.Length - 1), complete: false).Should().BeOfType<UTF8Encoding>();
        TextEncodingDetector.Detect(bytes.AsSpan(0, bytes.Length - 1), complete: true).Should().NotBeOfType<UTF8Encoding>();
    }
}
