using System.Globalization;
using System.Text.Json;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Detectors;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Domain.Records;
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

    [Fact]
    public void FilesOfOneTypeEachAreTakenInTheOrderSortedWhileStoring()
    {
        // Each type from one file only: taken whole from the list sorted on the reading side (ImportSink.Sorted).
        var generated = AccountGenerator.Generate(7, Path.Combine(_folder, "account"), new DateOnly(2026, 11, 26));
        using var db = new CompanionDatabase(Path.Combine(_folder, "once.db"));
        var store = new RecordStore(db);
        var imported = new ImportedRecords(store);
        var importer = new ReportImporter(store, ReportReaders.Registry, new ReportOptions { BatchSize = 97 }, imported);
        foreach (var file in ReportInput.FromPath(generated.ReportsFolder))
        {
            importer.Import(file).Rejected.Should().BeFalse();
        }

        var detection = new DetectionService(store, new FindingStore(db, TimeProvider.System), new DetectionEngine(PolicyTable.Defaults(), DetectorRegistry.All), TimeProvider.System);
        var fromMemory = detection.LoadInput(imported);
        Json(fromMemory).Should().Be(Json(detection.LoadInput()));
        fromMemory.Ledger.Count.Should().BeGreaterThan(97);
        imported.Get<LedgerEvent>().Should().NotBeSameAs(imported.Get<LedgerEvent>(), "each caller gets its own list");
    }

    [Fact]
    public void SortedRecordsKeepTheLastOfIdsEqualIgnoringCaseAsTheStoreDoes()
    {
        var random = new Random(3);
        var records = Enumerable.Range(0, 5000).Select(i => (DomainRecord)new LedgerEvent
        {
            Id = (random.Next(3) == 0 ? "K" : "k") + random.Next(1500) + "#1",
            Quantity = i,
        }).Concat(Enumerable.Range(0, 50).Select(i => new Reimbursement { Id = "r" + random.Next(20), ReimbursementId = i.ToString(CultureInfo.InvariantCulture) }))
            .ToList();

        var sorted = ImportedRecords.InIdOrder(records);

        foreach (var type in new[] { typeof(LedgerEvent), typeof(Reimbursement) })
        {
            var byId = new Dictionary<string, DomainRecord>(StringComparer.OrdinalIgnoreCase);
            foreach (var record in records.Where(r => r.GetType() == type))
            {
                byId[record.Id] = record;
            }
            var expected = byId.Values.OrderBy(r => r.Id, StringComparer.OrdinalIgnoreCase).ToList();
            sorted[type].Cast<DomainRecord>().Should().Equal(expected, (a, b) => ReferenceEquals(a, b));
            sorted[type].GetType().GetElementType().Should().Be(type);
        }
    }

    private static string Json(DetectionInput input) => JsonSerializer.Serialize(new object[]
    {
        input.Ledger, input.Reimbursements, input.Returns, input.Replacements, input.Transactions, input.InboundShipments,
        input.InboundItems, input.Removals, input.Fees, input.Costs,
    });
}
