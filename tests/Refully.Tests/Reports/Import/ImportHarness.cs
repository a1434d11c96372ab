using System.Text;
using Refully.Companion.Reports.Core;
using Refully.Companion.Reports.Import;
using Refully.Companion.Storage;
using Refully.Tests.Reports.Core;

namespace Refully.Tests.Reports.Import;

/// <summary>An importer with the test readers over an in-memory store.</summary>
public sealed class ImportHarness : IDisposable
{
    static ImportHarness() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public ImportHarness(int batchSize = 3)
    {
        Db = CompanionDatabase.InMemory();
        Store = new RecordStore(Db);
        Importer = new ReportImporter(Store, new ReportReaders(TestReaders.All, []), new ReportOptions { BatchSize = batchSize });
    }

    public CompanionDatabase Db { get; }
    public RecordStore Store { get; }
    public ReportImporter Importer { get; }

    public const string Header = "Date\tFNSKU\tEvent Type\tQuantity\tAmount\tTitle\tbuyer-email\n";

    public FileImport Import(string text, string name = "ledger.tsv", Encoding? encoding = null) => Import((encoding ?? Encoding.UTF8).GetBytes(text), name);

    public FileImport Import(byte[] bytes, string name = "ledger.tsv") => Importer.Import(ReportInput.FromStreamFactory(name, () => new MemoryStream(bytes)).Single());

    public IReadOnlyList<TestEvent> Events() => Store.All<TestEvent>().OrderBy(e => e.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Snapshot() => Store.Snapshot(typeof(TestEvent));

    public void Dispose() => Db.Dispose();
}
