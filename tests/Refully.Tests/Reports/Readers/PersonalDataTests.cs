using System.Text.Json;
using Refully.Companion.Reports.Core;

namespace Refully.Tests.Reports.Readers;

/// <summary>Buyer names, e-mails, phones and addresses in a report never reach a record.</summary>
public sealed class PersonalDataTests
{
    private static readonly string[] BuyerColumns =
    [
        "buyer-email", "buyer-name", "buyer-phone-number", "recipient-name", "ship-address-1", "ship-address-2",
        "ship-address-3", "ship-city", "ship-postal-code", "ship-phone-number", "bill-address-1", "bill-address-2",
        "bill-address-3", "bill-city", "bill-postal-code", "order city", "order postal", "Ort der Bestellung", "Postleitzahl",
        "ville d'où provient la commande", "code postal de la commande", "Città di provenienza dell'ordine", "CAP dell'ordine",
        "ciudad de procedencia del pedido", "código postal de procedencia del pedido", "市町村", "郵便番号",
    ];

    public static TheoryData<string> FilesWithBuyerData()
    {
        var data = new TheoryData<string>();
        var files = FixtureCases.All().Concat(Directory.EnumerateFiles(Path.Combine(FixtureFile.Root, "RealData"), "*.tsv"))
            .Concat(Directory.EnumerateFiles(Path.Combine(FixtureFile.Root, "RealData"), "*.csv"));
        foreach (var file in files)
        {
            var read = FixtureFile.Read(file);
            if (read.Header is not null && read.Header.Any(IsBuyerColumn))
            {
                data.Add(Path.GetRelativePath(FixtureFile.Root, file));
            }
        }
        return data;
    }

    [Fact]
    public void SomeFixturesCarryBuyerData() => FilesWithBuyerData().Should().HaveCountGreaterThanOrEqualTo(3);

    [Theory, MemberData(nameof(FilesWithBuyerData))]
    public void NoRecordFieldHoldsABuyersPersonalData(string fixture)
    {
        var read = FixtureFile.Read(Path.Combine(FixtureFile.Root, fixture));
        var personal = read.Rows
            .SelectMany(row => read.Header!.Select((h, i) => (h, i)).Where(c => IsBuyerColumn(c.h) && c.i < row.Length).Select(c => row[c.i].Trim()))
            .Where(v => v.Length >= 4 && v.Trim('-').Length > 0 && v != "REDACTED")
            .ToHashSet();
        personal.Should().NotBeEmpty("the fixture must hold buyer data for this test to prove anything");
        read.Records.Should().NotBeEmpty();
        foreach (var record in read.Records)
        {
            var json = FixtureFile.RecordJson(record);
            foreach (var (name, value) in json)
            {
                if (value?.GetValueKind() == JsonValueKind.String)
                {
                    personal.Should().NotContain(value.GetValue<string>(), $"{record.GetType().Name}.{name} must not hold buyer data");
                }
            }
        }
    }

    private static bool IsBuyerColumn(string header) =>
        BuyerColumns.Any(c => HeaderMap.Normalize(c) == HeaderMap.Normalize(header));
}
