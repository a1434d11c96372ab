using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Refully.Companion.Reports.Import;

namespace Refully.Tests.Reports.Import;

/// <summary>`scan` end to end with the real registry, on a temporary data file.</summary>
public sealed class ScanCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("refully-scan-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string LedgerHeader = "Date\tFNSKU\tASIN\tMSKU\tTitle\tEvent Type\tReference ID\tQuantity\tFulfillment Center\tDisposition\tReason\tCountry\tReconciled Quantity\tUnreconciled Quantity\tDate and Time\n";

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private (int Exit, string Output, JsonElement Json) Scan(params string[] args)
    {
        var json = Path.Combine(_folder, "out.json");
        File.WriteAllText(json, "an older scan's file, replaced only by a complete one");
        var output = new StringWriter();
        var exit = ScanCommand.Run([.. args, "--db", Path.Combine(_folder, "scan.db"), "--json", json], output, new StringWriter(),
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)));
        File.Exists(json + ".partial").Should().BeFalse("the document is streamed beside the file, then moved over it");
        return (exit, output.ToString(), JsonDocument.Parse(File.ReadAllText(json)).RootElement.Clone());
    }

    [Fact]
    public void WritesTheScanJsonOfClaimsMdSection5WithOneEntryPerFileInOrder()
    {
        var ledger = Write("reports/ledger.tsv", LedgerHeader
            + "09/01/2026\tX00ABC1234\tB0ABCDEFGH\tMY-SKU\tMug\tAdjustments\t1234567\t-3\tPHX6\tSELLABLE\tM\tUS\t\t3\t2026-09-01T10:00:00-0700\n"
            + "09/02/2026\tX00ABC1234\tB0ABCDEFGH\tMY-SKU\tMug\tShipments\t111-1111111-1111111\t-1\tPHX6\tSELLABLE\t\tUS\t\t\t2026-09-02T10:00:00-0700\n");
        var notes = Write("notes.txt", "just some notes\n");

        var (exit, output, json) = Scan(ledger, notes, "--as-of", "2026-11-20");

        exit.Should().Be(1, "a file was rejected");
        json.GetProperty("asOf").GetString().Should().Be("2026-11-20");
        json.GetProperty("findings").ValueKind.Should().Be(JsonValueKind.Array, "findings are detection's; their content is tested there");
        var imports = json.GetProperty("imports").EnumerateArray().ToList();
        imports.Should().HaveCount(2);
        imports[0].EnumerateObject().Select(p => p.Name).Should().Equal("file", "report", "rows", "marketplaces", "from", "to", "problems");
        imports[0].GetProperty("file").GetString().Should().Be(ledger);
        imports[0].GetProperty("report").GetString().Should().Be("InventoryLedgerDetail");
        imports[0].GetProperty("rows").GetInt64().Should().Be(2);
        imports[0].GetProperty("marketplaces").EnumerateArray().Select(m => m.GetString()).Should().Equal("US");
        imports[0].GetProperty("from").GetString().Should().Be("2026-09-01");
        imports[0].GetProperty("to").GetString().Should().Be("2026-09-01");
        imports[1].GetProperty("report").ValueKind.Should().Be(JsonValueKind.Null);
        imports[1].GetProperty("from").ValueKind.Should().Be(JsonValueKind.Null);
        imports[1].GetProperty("rows").GetInt64().Should().Be(0);
        imports[1].GetProperty("problems")[0].GetString().Should().StartWith($"{notes}: not a known report");
        output.Should().Contain("InventoryLedgerDetail").And.Contain("REJECTED " + notes);
    }

    [Fact]
    public void AFolderIsScannedRecursivelyAndAMissingPathIsRejected()
    {
        Write("a/one.tsv", LedgerHeader + "09/01/2026\tX1\t\t\t\tReceipts\tFBA15DF2763D\t4\tPHX6\tSELLABLE\t\tUS\t\t\t\n");
        Write("a/b/two.tsv", LedgerHeader + "09/03/2026\tX1\t\t\t\tReceipts\tFBA15DF2763D\t2\tPHX6\tSELLABLE\t\tUS\t\t\t\n");
        var (exit, _, json) = Scan(Path.Combine(_folder, "a"), Path.Combine(_folder, "missing.tsv"));
        exit.Should().Be(1);
        var files = json.GetProperty("imports").EnumerateArray().Select(i => Path.GetFileName(i.GetProperty("file").GetString())).ToList();
        files.Should().Equal("two.tsv", "one.tsv", "missing.tsv");
    }

    [Fact]
    public void ExitsZeroWhenEveryFileImportsAndScanningAgainChangesNothing()
    {
        var ledger = Write("ledger.tsv", LedgerHeader + "09/01/2026\tX1\t\t\t\tReceipts\tFBA15DF2763D\t4\tPHX6\tSELLABLE\t\tUS\t\t\t\n");
        Scan(ledger).Exit.Should().Be(0);
        Scan(ledger).Exit.Should().Be(0);
        using var db = new Refully.Companion.Storage.CompanionDatabase(Path.Combine(_folder, "scan.db"));
        new Refully.Companion.Storage.RecordStore(db).Count<Refully.Companion.Domain.Records.LedgerEvent>().Should().Be(1);
    }

    [Theory]
    [InlineData(new string[0], "scan needs at least one file or folder.")]
    [InlineData(new[] { "x.tsv", "--as-of", "26/11/2026" }, "--as-of '26/11/2026' is not a date written YYYY-MM-DD.")]
    [InlineData(new[] { "x.tsv", "--frobnicate" }, "unknown option --frobnicate.")]
    public void BadArgumentsExitTwoWithUsage(string[] args, string error)
    {
        var errors = new StringWriter();
        ScanCommand.Run(args, new StringWriter(), errors, TimeProvider.System).Should().Be(2);
        errors.ToString().Should().Contain(error).And.Contain(ScanCommand.Usage);
    }
}
