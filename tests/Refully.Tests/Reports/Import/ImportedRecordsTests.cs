using System.Globalization;
using System.Text.Json;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Detectors;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Reports.Core;
using Refully.Companion.Reports.Import;
using Refully.Companion.Storage;
using Refully.Synthetic;

namespace Refully.Tests.Reports.Import;

/// <summary>
/// `scan` hands the records it just imported to detection from memory (<see cref="ImportedRecords"/>): detection
/// must see exactly the lists, in the same order, it would read back from the store.
/// </summary>
public sealed class ImportedRecordsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("refully-imported-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void DetectionInputFromMemoryEqualsTheOneReadFromTheStore()
    {
        var generated = AccountGenerator.Generate(42, Path.Combine(_folder, "account"), new DateOnly(2026, 11, 26));
        // Imported twice with one earlier file already stored: a type stored before the scan is read from the store.
        using var db = new CompanionDatabase(Path.Combine(_folder, "scan.db"));
        var store = new RecordStore(db);
        var files = ReportInput.FromPath(generated.ReportsFolder).ToList();
        new ReportImporter(store, ReportReaders.Registry, new ReportOptions()).Import(files[0]).Rejected.Should().BeFalse();
        var imported = new ImportedRecords(store);
        var importer = new ReportImporter(store, ReportReaders.Registry, new ReportOptions(), imported);
        foreach (var file in files.Concat(files))
        {
            importer.Import(file).Rejected.Should().BeFalse();
        }

        var detection = new DetectionService(store, new FindingStore(db, TimeProvider.System), new DetectionEngine(PolicyTable.Defaults(), DetectorRegistry.All), TimeProvider.System);
        var fromStore = detection.LoadInput();
        var fromMemory = detection.LoadInput(imported);

        Json(fromMemory).Should().Be(Json(fromStore));
        fromStore.Ledger.Should().NotBeEmpty();
    }

    private static string Json(DetectionInput input) => JsonSerializer.Serialize(new object[]
    {
        input.Ledger, input.Reimbursements, input.Returns, input.Replacements, input.Transactions, input.InboundShipments,
        input.InboundItems, input.Removals, input.Fees, input.Costs,
    });
}
