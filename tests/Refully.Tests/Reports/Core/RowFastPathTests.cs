using System.Globalization;
using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using Refully.Companion.Reports.Readers;

namespace Refully.Tests.Reports.Core;

/// <summary>
/// The short ways of reading the common cells (plain whole numbers, dates and times from the cell without a
/// string, event type names, disposition codes, shared strings, natural keys in one buffer) give exactly what
/// the general ways give: same values, same problems.
/// </summary>
public class RowFastPathTests
{
    private static readonly string[] Header = ["Date", "FNSKU", "Event Type", "Quantity", "Date and Time", "Amount", "Country"];

    private static (ReportRow Row, ProblemLog Problems) Row(ReportValueFormat format)
    {
        var problems = new ProblemLog(1000);
        return (new ReportRow("f.tsv", new HeaderMap(Header), new TestLedgerReader().Columns, format, problems), problems);
    }

    private static readonly string[] NumberCells =
    [
        "", " ", "0", "-0", "7", "007", " 42 ", "-13", "123456789", "-123456789", "1234567890", "2147483647", "-2147483648",
        "2147483648", "1,234", "1.234", "1.0", "12.5", "(5)", "+5", "--", "-", "N/A", "5 units", "١٢", "1e3", "٣", "0x10", "- 5",
    ];

    [Fact]
    public void WholeNumbersReadAsTheGeneralParserReadsThem()
    {
        var random = new Random(3);
        var cells = NumberCells.Concat(Enumerable.Range(0, 2000).Select(_ => random.Next(4) switch
        {
            0 => random.Next(int.MinValue, int.MaxValue).ToString(CultureInfo.InvariantCulture),
            1 => random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
            2 => new string('0', random.Next(1, 12)) + random.Next(100).ToString(CultureInfo.InvariantCulture),
            _ => random.NextInt64(-99_999_999_999, 99_999_999_999).ToString(CultureInfo.InvariantCulture),
        }));
        foreach (var format in new[] { ReportValueFormat.Default, new ReportValueFormat { DecimalComma = true } })
        {
            foreach (var cell in cells)
            {
                foreach (var required in new[] { false, true })
                {
                    var (row, problems) = Row(format);
                    row.Load(["01/02/2026", "X1", "Receipts", cell], 2);
                    var value = row.Int("quantity", required);

                    var text = cell.Trim();
                    int? expected = text.Length == 0 || ReportValues.IsPlaceholder(text) ? null
                        : ReportValues.TryParseInt(text, format, out var parsed) ? parsed : null;
                    value.Should().Be(expected, $"cell '{cell}'");
                    var failed = text.Length > 0 && !ReportValues.IsPlaceholder(text) && expected is null;
                    problems.Errors.Should().Be(required && (failed || text.Length == 0 || ReportValues.IsPlaceholder(text)) ? 1 : 0, $"cell '{cell}'");
                    problems.Warnings.Should().Be(!required && failed ? 1 : 0, $"cell '{cell}'");
                }
            }
        }
    }

    private static readonly string[] DateCells =
    [
        "", "--", "NA", "01/02/2026", "12/31/2026", "31/12/2026", "2026-07-06", " 2026-07-06 ", "2026-07-06T00:00:00-0700",
        "2015-12-02T03:27:08+00:00", "2026-02-30", "Dec 1, 2017", "1. März 2023", "31.12.2026", "07/06/26", "2026-07-06T25:00:00Z",
        "Jul 6, 2026 12:38:23 AM PDT", "06.07.2026 00.21.15", "yesterday", "2026-07-06T10:00:00.1234567+05:30", "13/13/2026",
    ];

    [Fact]
    public void DatesAndTimesReadAsTheGeneralParserReadsThem()
    {
        var formats = new[]
        {
            // Certain orders: a guessed order that a value contradicts stops the read (ReportRowTests).
            new ReportValueFormat { DayFirstCertain = true },
            new ReportValueFormat { DayFirst = true, DayFirstCertain = true },
            new ReportValueFormat { DayFirst = false, DayFirstCertain = true, DefaultOffset = TimeSpan.FromHours(-8) },
        };
        foreach (var format in formats)
        {
            foreach (var cell in DateCells)
            {
                var (row, problems) = Row(format);
                row.Load([cell, "X1", "Receipts", "1", cell], 2);
                var text = cell.Trim();
                var usable = text.Length > 0 && !ReportValues.IsPlaceholder(text);

                row.Date("date").Should().Be(usable && ReportValues.TryParseDate(text, format, out var d) ? d : null, $"cell '{cell}'");
                row.Timestamp("at").Should().Be(usable && ReportValues.TryParseTimestamp(text, format, out var t) ? t : null, $"cell '{cell}'");
                var failures = usable ? (ReportValues.TryParseDate(text, format, out _) ? 0 : 1) + (ReportValues.TryParseTimestamp(text, format, out _) ? 0 : 1) : 0;
                problems.Warnings.Should().Be(failures, $"cell '{cell}'");
            }
        }
    }

    [Fact]
    public void EventTypesAreFoundAsByTheirNormalisedNames()
    {
        string[] cells =
        [
            "Shipments", "shipments", "SHIPMENTS", "sHiPmEnTs", "Customer Returns", "customer_returns", "CustomerReturns", "Receipts",
            "Adjustments", "VendorReturns", "Vendor-Returns", "WhseTransfers", "whse transfers", "Unknown", "", "Shipment", "Ｓhipments",
            "Shıpments", "Receİpts", "\u212Aeceipts",
        ];
        foreach (var cell in cells)
        {
            var (row, problems) = Row(ReportValueFormat.Default);
            row.Load(["01/02/2026", "X1", cell, "1"], 2);
            var expected = Enum.GetValues<LedgerEventType>()
                .FirstOrDefault(t => t != LedgerEventType.Unknown && cell.Trim().Length > 0 && HeaderMap.Normalize(cell.Trim()) == HeaderMap.Normalize(t.ToString()));
            LedgerVocabulary.EventType(row, "event").Should().Be(expected, $"cell '{cell}'");
            problems.Count.Should().Be(expected == LedgerEventType.Unknown ? 1 : 0, $"cell '{cell}'");
        }
    }

    [Fact]
    public void DispositionCodesMapAsTheirNormalisedWords()
    {
        string[] cells = ["SELLABLE", "Sellable", "CUSTOMER_DAMAGED", "Customer Damaged", "販売可", "WAREHOUSE_DAMAGED", "FULFILLMENT_CENTER_DAMAGED", "EXPIRED", "odd", "DAMAGED", "DEFECTIVE", "UNSELLABLE", "CARRIER_DAMAGED", "DISTRIBUTOR_DAMAGED"];
        var words = new Dictionary<string, string>
        {
            ["sellable"] = "SELLABLE", ["販売可"] = "SELLABLE", ["customerdamaged"] = "CUSTOMER_DAMAGED", ["warehousedamaged"] = "WAREHOUSE_DAMAGED",
            ["fulfillmentcenterdamaged"] = "WAREHOUSE_DAMAGED", ["expired"] = "EXPIRED", ["damaged"] = "DAMAGED", ["defective"] = "DEFECTIVE",
            ["unsellable"] = "UNSELLABLE", ["carrierdamaged"] = "CARRIER_DAMAGED", ["distributordamaged"] = "DISTRIBUTOR_DAMAGED",
        };
        foreach (var cell in cells)
        {
            LedgerVocabulary.Disposition(cell).Should().Be(words.GetValueOrDefault(HeaderMap.Normalize(cell), cell), cell);
        }
        LedgerVocabulary.Disposition(null).Should().BeNull();
    }

    [Fact]
    public void SharedCellsAreTheTextAndOneStringPerDistinctValue()
    {
        var (row, problems) = Row(ReportValueFormat.Default);
        var seen = new Dictionary<string, string>();
        foreach (var (fnsku, i) in new[] { "X1", " X1 ", "X2", "x1", "X1", "5.80293E+13", "" }.Select((f, i) => (f, i)))
        {
            row.Load(["01/02/2026", fnsku, "Receipts", "1", "", "", "US"], i + 2);
            var text = row.Text("fnsku");
            var shared = row.Shared("fnsku");
            shared.Should().Be(text);
            if (shared is not null)
            {
                seen.TryAdd(shared, shared);
                shared.Should().BeSameAs(seen[shared]);
                row.Shared("fnsku").Should().BeSameAs(shared);
            }
            var before = problems.Count;
            var id = row.Id("fnsku");
            var idProblems = problems.Count - before;
            row.SharedId("fnsku").Should().Be(id);
            (problems.Count - before).Should().Be(2 * idProblems, "the same problem again for the mangled id");
        }
        row.Shared("country").Should().Be("US");
    }

    [Fact]
    public void NaturalKeysAreJoinedAsBefore()
    {
        var random = new Random(11);
        var offsets = new[] { TimeSpan.Zero, TimeSpan.FromHours(-7), TimeSpan.FromMinutes(330) };
        object?[] Part() => [
            null, "", "X00|A", "販売可", new DateOnly(2026, 7, 9).AddDays(random.Next(-5000, 5000)),
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, offsets[random.Next(3)]).AddSeconds(random.Next(-100_000_000, 100_000_000)).AddTicks(random.Next(10_000_000)),
            (decimal)random.Next(-100000, 100000) / (decimal)Math.Pow(10, random.Next(0, 6)), 1.50m, -0.0m, 12345678901234.5678m,
            random.Next(int.MinValue, int.MaxValue), random.NextInt64(), (LedgerEventType)random.Next(-1, 9), Fulfillment.Amazon,
            random.Next(2) == 0, random.NextDouble() * 1000, (int?)random.Next(), 'c', new DateTime(2026, 1, 2, 3, 4, 5),
        ];
        var before = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "en-US", "de-DE", "fr-FR", "ar-SA" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                for (var n = 0; n < 2000; n++)
                {
                    var candidates = Part();
                    var parts = Enumerable.Range(0, random.Next(0, 12)).Select(_ => candidates[random.Next(candidates.Length)]).ToArray();
                    RecordKey.Join(parts).Should().Be(ReferenceJoin(parts));
                }
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    // RecordKey.Join as it was written before it built keys in one buffer.
    private static string ReferenceJoin(params object?[] parts) => string.Join('|', parts.Select(part => part switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.############", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => part.ToString() ?? "",
    }));
}
