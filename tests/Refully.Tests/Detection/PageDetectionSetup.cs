using JsonSerializer = System.Text.Json.JsonSerializer;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Detectors;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Domain.Records;
using Refully.Companion.Storage;

namespace Refully.Tests.Detection;

/// <summary>
/// A data file wired as PageIntake wires it (record store, page store, a detection service with its cache), and what
/// a full detection over the same store gives, for the tests that compare the page path's shortcuts with it.
/// </summary>
internal class PageDetectionSetup : IDisposable
{
    public PageDetectionSetup(string path)
    {
        Db = new CompanionDatabase(path);
        Records = new RecordStore(Db);
        Pages = new PageRecordStore(Db);
        Engine = new DetectionEngine(PolicyTable.Defaults(), DetectorRegistry.All);
        Service = new DetectionService(Records, new FindingStore(Db, TimeProvider.System), Engine, TimeProvider.System, database: Db);
    }

    public CompanionDatabase Db { get; }
    public RecordStore Records { get; }
    public PageRecordStore Pages { get; }
    public DetectionEngine Engine { get; }
    public DetectionService Service { get; }

    public void Dispose() => Db.Dispose();

    /// <summary>A deep copy of a record (through JSON), to change without touching the original.</summary>
    public static T Copy<T>(T record) where T : DomainRecord => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(record))!;

    /// <summary>The record with the id the importer gives a record met once (natural key + "#1").</summary>
    public static T WithId<T>(T record) where T : DomainRecord
    {
        record.Id = record.NaturalKey() + "#1";
        return record;
    }

    /// <summary>A detection service that reads every record from the store (no cache).</summary>
    public DetectionService Fresh() => new(Records, new FindingStore(Db, TimeProvider.System), Engine, TimeProvider.System);

    /// <summary>The store's records read afresh, by a detection service without any cache.</summary>
    public DetectionInput StoreInput() => Fresh().LoadInput();

    /// <summary>The findings a new data file holds after storing <paramref name="full"/>, as JSON of their DTOs.</summary>
    public static string StoredFrom(IReadOnlyList<Finding> full)
    {
        using var reference = CompanionDatabase.InMemory();
        return JsonSerializer.Serialize(new FindingStore(reference, TimeProvider.System).Sync(full, "page").Select(f => f.ToDto()).ToList());
    }
}
