using System.IO.Compression;
using System.Text;
using Refully.Companion.Reports.Core;

namespace Refully.Tests.Reports.Import;

public sealed class ReportImporterTests : IDisposable
{
    private readonly ImportHarness _h = new();

    public void Dispose() => _h.Dispose();

    private const string Rows =
        "01/05/2026\tX001\tReceipts\t10\t12.50\tBottle\tjane@example.com\n" +
        "01/06/2026\tX001\tShipments\t-1\t\tBottle\tjoe@example.com\n" +
        "01/07/2026\tX002\tAdjustments\t-2\t\tMug\t\n" +
        "01/13/2026\tX002\tAdjustments\t1\t\tMug\t\n";

    [Fact]
    public void ImportsAFileAndSummarisesIt()
    {
        var result = _h.Import(ImportHarness.Header + Rows);
        result.Should().Match<Refully.Companion.Reports.Import.FileImport>(r =>
            r.Report == "TestLedger" && !r.Rejected && r.Rows == 4 && r.Records == 3 && r.From == new DateOnly(2026, 1, 5) && r.To == new DateOnly(2026, 1, 13));
        result.Problems.Should().BeEmpty();
        _h.Events().Select(e => e.Id).Should().Equal("2026-01-05|X001|Receipts|10#1", "2026-01-07|X002|Adjustments|-2#1", "2026-01-13|X002|Adjustments|1#1");
    }

    [Fact]
    public void BuyerPersonalDataIsNeverStored()
    {
        _h.Import(ImportHarness.Header + Rows);
        _h.Events().Should().OnlyContain(e => e.Email == null);
        string.Concat(_h.Snapshot().Values.SelectMany(v => v)).Should().NotContain("example.com");
    }

    public static TheoryData<string, Func<string, byte[]>> Encodings => new()
    {
        { "utf-8", s => Encoding.UTF8.GetBytes(s) },
        { "utf-8 with BOM", s => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(s)] },
        { "windows-1252", s => Encoding.GetEncoding(1252).GetBytes(s) },
        { "utf-16 with BOM", s => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(s)] },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void WesternTextReadsTheSameInEveryEncoding(string name, Func<string, byte[]> encode)
    {
        _h.Import(encode(ImportHarness.Header + "01/05/2026\tX001\tReceipts\t1\t\tCafé Crème Größe 12\" – “Deluxe”\t\n"), name);
        _h.Events().Single().Title.Should().Be("Café Crème Größe 12\" – “Deluxe”");
    }

    [Fact]
    public void JapaneseTextReadsFromShiftJis()
    {
        var bytes = Encoding.GetEncoding(932).GetBytes(ImportHarness.Header + "2026/01/05\tX001\tReceipts\t1\t\tバルミューダ ザ・トースター 電気ケトル\t\n");
        _h.Import(bytes);
        _h.Events().Single().Title.Should().Be("バルミューダ ザ・トースター 電気ケトル");
    }

    [Fact]
    public void CrlfLfAndQuotedCsvGiveTheSameRecords()
    {
        var lf = ImportHarness.Header + Rows;
        _h.Import(lf);
        var expected = _h.Snapshot();

        using var crlf = new ImportHarness();
        crlf.Import(lf.Replace("\n", "\r\n"));
        crlf.Snapshot().Should().BeEquivalentTo(expected);

        using var csv = new ImportHarness();
        var quoted = string.Concat(lf.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => string.Join(",", line.Split('\t').Select(f => "\"" + f.Replace("\"", "\"\"") + "\"")) + "\r\n"));
        csv.Import(quoted, "ledger.csv");
        csv.Snapshot().Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void AQuotedCsvFieldMayHoldCommasQuotesAndLineBreaks()
    {
        _h.Import("Date,FNSKU,Event Type,Quantity,Title\n01/05/2026,X001,Receipts,1,\"Mug, \"\"big\"\"\nblue\"\n01/06/2026,X002,Receipts,2,Plain\n");
        _h.Events().Select(e => e.Title).Should().Equal("Mug, \"big\"\nblue", "Plain");
    }

    [Fact]
    public void ATabFileTakesQuotesLiterally()
    {
        var result = _h.Import(ImportHarness.Header + "01/05/2026\tX001\tReceipts\t1\t\t12\" Monitor\t\n01/06/2026\tX002\tReceipts\t1\t\tStand\t\n");
        result.Rows.Should().Be(2);
        _h.Events().Select(e => e.Title).Should().Equal("12\" Monitor", "Stand");
    }

    [Fact]
    public void GzipAndZipFilesImportLikePlainOnes()
    {
        var plain = Encoding.UTF8.GetBytes(ImportHarness.Header + Rows);
        var gz = new MemoryStream();
        using (var z = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(plain);
        }
        _h.Import(gz.ToArray(), "ledger.txt").Records.Should().Be(3);
        var expected = _h.Snapshot();

        using var zipped = new ImportHarness();
        var folder = Directory.CreateTempSubdirectory("refully-zip-").FullName;
        try
        {
            var path = Path.Combine(folder, "download.zip");
            using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            {
                using var entry = zip.CreateEntry("ledger.tsv").Open();
                entry.Write(plain);
            }
            var input = ReportInput.FromPath(path).Single();
            input.Name.Should().EndWith("download.zip!/ledger.tsv");
            zipped.Importer.Import(input).Records.Should().Be(3);
            zipped.Snapshot().Should().BeEquivalentTo(expected);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void PreambleLinesBeforeTheHeaderAreSkippedAndLineNumbersStayTrue()
    {
        var text = "\"All amounts in USD, unless specified\"\n\"Definitions:\"\n" + ImportHarness.Header + "01/05/2026\tX001\tReceipts\tmany\t\t\t\n";
        var result = _h.Import(text);
        result.Rejected.Should().BeTrue();
        result.Problems.Should().Contain(p => p.StartsWith("ledger.tsv:4:4 [Quantity] value 'many'"));
    }

    [Fact]
    public void DecimalCommaFilesReadTheirAmounts()
    {
        _h.Import("Datum;FNSKU;Event Type;Menge;Betrag\n05.01.2026;X001;Receipts;1;1.234,56\n06.01.2026;X002;Receipts;1;5,05\n");
        _h.Events().Select(e => e.Amount).Should().Equal(1234.56m, 5.05m);
        _h.Events()[0].Date.Should().Be(new DateOnly(2026, 1, 5));
    }

    [Fact]
    public void ADateOrderGuessedWrongIsCorrectedByALaterRow()
    {
        // The sample (first rows) shows only ambiguous dates and decimal commas, so day-first is guessed;
        // far beyond the sample, 12/31/2026 proves the file is month first and the file is read again.
        var rows = string.Concat(Enumerable.Range(0, 2500).Select(i => $"01/02/2026\tX{i:D4}\tReceipts\t1\t5,05\t\t\n"));
        var result = _h.Import(ImportHarness.Header + rows + "12/31/2026\tX9999\tReceipts\t1\t5,05\t\t\n");
        result.Rejected.Should().BeFalse();
        result.From.Should().Be(new DateOnly(2026, 1, 2));
        result.To.Should().Be(new DateOnly(2026, 12, 31));
        _h.Store.Count<Refully.Tests.Reports.Core.TestEvent>().Should().Be(2501);
    }

    [Fact]
    public void AMalformedRequiredFieldRejectsTheWholeFileAndStoresNothing()
    {
        var result = _h.Import(ImportHarness.Header + Rows + "02/30/2026\tX003\tReceipts\t1\t\t\t\n" + Rows.Replace("2026", "2027"));
        result.Rejected.Should().BeTrue();
        result.Report.Should().BeNull();
        result.RecognisedAs.Should().Be("TestLedger");
        result.Problems.Should().Contain("ledger.tsv:6:1 [Date] value '02/30/2026': not a date");
        _h.Store.Count<Refully.Tests.Reports.Core.TestEvent>().Should().Be(0, "batches stored before the bad row are rolled back");
    }

    [Fact]
    public void AnExcelMangledIdentifierRejectsTheFile()
    {
        var result = _h.Import(ImportHarness.Header + "01/05/2026\t5.80293E+13\tReceipts\t1\t\t\t\n");
        result.Rejected.Should().BeTrue();
        result.Problems.Should().Contain(p => p.Contains("[FNSKU] value '5.80293E+13'") && p.Contains("spreadsheet"));
    }

    [Fact]
    public void ARejectedFileChangesNothingAndTheNextFileStillImports()
    {
        _h.Import(ImportHarness.Header + Rows);
        var before = _h.Snapshot();
        _h.Import(ImportHarness.Header + "01/20/2026\tX009\tReceipts\t4\t\t\t\n01/21/2026\t\tReceipts\t1\t\t\t\n").Rejected.Should().BeTrue();
        _h.Snapshot().Should().BeEquivalentTo(before);
        _h.Import(ImportHarness.Header + "01/20/2026\tX009\tReceipts\t4\t\t\t\n").Rejected.Should().BeFalse();
        _h.Events().Should().HaveCount(4);
    }

    [Fact]
    public void AnUnknownFileIsRejectedWithTheClosestReport()
    {
        var result = _h.Import("approval-date\treimbursement-id\tfnsku\n2026-01-01\t1\tX1\n", "notes.txt");
        result.Should().Match<Refully.Companion.Reports.Import.FileImport>(r => r.Rejected && r.Report == null && r.Rows == 0);
        result.Problems.Should().Equal("notes.txt: not a known report: closest is TestReimbursements (3 of 5 required columns; missing columns: reason, amount-total)");
    }

    [Fact]
    public void ImportingTheSameFileTwiceLeavesTheStoreAsAfterOnce()
    {
        var text = ImportHarness.Header + Rows;
        _h.Import(text);
        var once = _h.Snapshot();
        _h.Import(text);
        _h.Snapshot().Should().BeEquivalentTo(once);
        once.Values.Single().Should().HaveCount(3);
    }

    [Fact]
    public void OverlappingDateRangesLeaveTheStoreAsOneImportOfTheUnion()
    {
        var january = ImportHarness.Header + "01/05/2026\tX1\tReceipts\t1\t\t\t\n01/20/2026\tX1\tAdjustments\t-1\t\t\t\n";
        var lateJanuaryToFebruary = ImportHarness.Header + "01/20/2026\tX1\tAdjustments\t-1\t\t\t\n02/03/2026\tX1\tReceipts\t2\t\t\t\n";
        _h.Import(january);
        _h.Import(lateJanuaryToFebruary);

        using var union = new ImportHarness();
        union.Import(ImportHarness.Header + "01/05/2026\tX1\tReceipts\t1\t\t\t\n01/20/2026\tX1\tAdjustments\t-1\t\t\t\n02/03/2026\tX1\tReceipts\t2\t\t\t\n");
        _h.Snapshot().Should().BeEquivalentTo(union.Snapshot());
    }

    [Fact]
    public void IdenticalRowsInOneFileAreSeparateEventsAndCountOnceAcrossDownloads()
    {
        var twice = ImportHarness.Header + "01/05/2026\tX1\tAdjustments\t-1\t\t\t\n01/05/2026\tX1\tAdjustments\t-1\t\t\t\n";
        var once = ImportHarness.Header + "01/05/2026\tX1\tAdjustments\t-1\t\t\t\n";
        _h.Import(twice);
        _h.Events().Select(e => e.Id).Should().Equal("2026-01-05|X1|Adjustments|-1#1", "2026-01-05|X1|Adjustments|-1#2");
        _h.Import(once);
        _h.Import(twice);
        _h.Events().Should().HaveCount(2, "a row counts as often as the download holding it most often has it");
    }

    [Fact]
    public void ManyWarningsOfOneKindAreCountedNotListed()
    {
        var rows = string.Concat(Enumerable.Range(1, 50).Select(i => $"01/05/2026\tX{i}\tReceipts\t1\tlots\t\t\n"));
        var result = _h.Import(ImportHarness.Header + rows);
        result.Rejected.Should().BeFalse();
        result.Warnings.Should().Be(50);
        result.Problems.Should().HaveCount(6).And.Contain("… 45 more like this in [Amount]: not a number");
    }

    [Fact]
    public void AReaderThatThrowsRejectsOnlyItsFile()
    {
        using var harness = new ImportHarness();
        var importer = new Refully.Companion.Reports.Import.ReportImporter(harness.Store,
            new Refully.Companion.Reports.Import.ReportReaders([new ThrowingReader()], []), new Refully.Companion.Reports.Import.ReportOptions());
        var result = importer.Import(new ReportInput("x.tsv", () => new MemoryStream(Encoding.UTF8.GetBytes("boom\tbang\n1\t2\n"))));
        result.Rejected.Should().BeTrue();
        result.Problems.Single().Should().Contain("InvalidOperationException: reader bug");
    }

    private sealed class ThrowingReader : ITabularReportReader
    {
        public string Report => "Throwing";

        public IReadOnlyList<ReportColumn> Columns { get; } = [ReportColumn.Req("a", "boom"), ReportColumn.Req("b", "bang")];

        public void Read(ReportRow row, IRecordSink sink) => throw new InvalidOperationException("reader bug");
    }
}
