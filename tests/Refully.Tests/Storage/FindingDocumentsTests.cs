using LiteDB;
using Microsoft.Extensions.Time.Testing;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Storage;
using Refully.Tests.Detection.Engine;

namespace Refully.Tests.Storage;

/// <summary>
/// <see cref="FindingDocuments.ToDocument"/> writes findings by hand; the documents must be exactly what LiteDB's
/// reflection mapper writes for a <see cref="FindingDocument"/> (data files written before read back the same, and
/// the two are indistinguishable): field for field, in order, as BSON bytes, and read back.
/// </summary>
public sealed class FindingDocumentsTests : IDisposable
{
    private readonly CompanionDatabase _db = CompanionDatabase.InMemory();

    public void Dispose() => _db.Dispose();

    private BsonMapper Mapper => _db.Database.Mapper;

    [Fact]
    public void FindingDocumentsAreTheMappersFieldForField()
    {
        var random = new Random(20261126);
        var findings = Enumerable.Range(0, 4000).Select(i => RandomFinding(random, i)).Concat(EdgeFindings()).ToList();
        foreach (var finding in findings)
        {
            var reflected = Mapper.ToDocument(finding);
            var written = FindingDocuments.ToDocument(finding);

            Names(written).Should().Be(Names(reflected), $"finding {finding.Id}");
            JsonSerializer.Serialize(written).Should().Be(JsonSerializer.Serialize(reflected), $"finding {finding.Id}");
            Fields(written).Should().Equal(Fields(reflected), $"finding {finding.Id}");
            BsonSerializer.Serialize(written).Should().Equal(BsonSerializer.Serialize(reflected), $"finding {finding.Id}");
            Mapper.ToObject<FindingDocument>(written).Should().BeEquivalentTo(Mapper.ToObject<FindingDocument>(reflected), $"finding {finding.Id}");
        }
    }

    [Fact]
    public void EveryPropertyOfTheDocumentsIsWritten()
    {
        // A property added to FindingDocument (or its nested documents) and not to FindingDocuments would be lost.
        var full = EdgeFindings().First(f => f.Id == "edge-all");
        var written = FindingDocuments.ToDocument(full);
        written.Keys.Should().BeEquivalentTo(typeof(FindingDocument).GetProperties().Select(p => p.Name == "Id" ? "_id" : p.Name));
        written["Evidence"].AsArray[0].AsDocument.Keys.Should().BeEquivalentTo(typeof(EvidenceDocument).GetProperties().Select(p => p.Name));
        written["History"].AsArray[0].AsDocument.Keys.Should().BeEquivalentTo(typeof(StatusChangeDocument).GetProperties().Select(p => p.Name));
    }

    [Fact]
    public void FindingsStoredByTheStoreAreTheMappersDocuments()
    {
        // Every way FindingStore writes (bulk insert of a first large run, bulk update and delete on a re-scan, a lifecycle
        // kept when no longer detected, single updates) leaves documents that are the mapper's document of what they read as.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var store = new FindingStore(_db, time);
        var random = new Random(5);
        var keys = Enumerable.Range(0, 3000).Select(i => $"k{random.Next():x8}-{i}").ToList();
        List<Candidate> Candidates(int extraUnits, int dropEvery) => Enumerable.Range(0, 3000).Where(i => dropEvery == 0 || i % dropEvery != 0).Select(i => StubDetector.Candidate(
            type: i % 3 == 0 ? ClaimType.DamagedWarehouse : ClaimType.LostWarehouse, key: keys[i], units: 1 + i % 4 + (i % 2 == 0 ? extraUnits : 0),
            reference: new DateOnly(2025, 1, 1).AddDays(i % 600), fnsku: i % 7 == 0 ? null : $"X00{i % 400:D7}",
            fixedAmount: i % 5 == 0 ? 12.5m + i : null, currency: i % 5 == 0 ? "USD" : null, note: i % 11 == 0 ? "note" : null)).ToList();
        var candidates = Candidates(0, 0);
        var first = store.Sync(Run(new DateOnly(2026, 1, 1), candidates), "scan");
        first.Should().HaveCount(3000);
        StoredAreTheMappers(3000);

        var kept = DetectionEngine.StableId(ClaimType.DamagedWarehouse, "US", keys[0]); // dropped by the re-scan below
        first.Should().Contain(f => f.Id == kept);
        store.SetLifecycle(kept, FindingStatus.Filed, "seller", "case", f => f.CaseId = "12345678901");
        store.Confirm(first[20].Id, "seller");
        time.Advance(TimeSpan.FromDays(1));
        var second = store.Sync(Run(new DateOnly(2026, 1, 2), Candidates(1, 10)), "scan");
        second.Should().HaveCount(2701, "a tenth is no longer found; the one filed stays");
        second.Single(f => f.Id == kept).Detected.Should().BeFalse();
        StoredAreTheMappers(2701);
        store.Query(new FindingQuery()).Should().BeEquivalentTo(second);
    }

    private static IReadOnlyList<Finding> Run(DateOnly asOf, IReadOnlyList<Candidate> candidates) =>
        new DetectionEngine(PolicyTable.Defaults(), [new StubDetector(ClaimType.LostWarehouse, Confidence.High, [.. candidates])]).Run(new DetectionInput(), asOf);

    private void StoredAreTheMappers(int count)
    {
        var raw = _db.Database.GetCollection("findings").FindAll().ToList();
        raw.Should().HaveCount(count);
        foreach (var document in raw)
        {
            var mapped = Mapper.ToDocument(Mapper.ToObject<FindingDocument>(document));
            BsonSerializer.Serialize(document).Should().Equal(BsonSerializer.Serialize(mapped), $"finding {document["_id"]}");
        }
    }

    private static string Names(BsonDocument document) => string.Join(",", document.GetElements().Select(f => f.Key));

    private static List<(string Name, BsonType Type, string Value)> Fields(BsonDocument document) =>
        document.GetElements().Select(f => (f.Key, f.Value.Type, f.Value.ToString())).ToList();

    private static readonly string?[] Texts = [null, "", " ", "X00ABC1234", "sellable", "販売可", "a|b#c", "  padded  ", "ÄÖÜ ß", "\t", "US", "0"];

    private static string? Pick(Random random) => Texts[random.Next(Texts.Length)] is { } text && random.Next(3) == 0
        ? text + random.Next(1000)
        : Texts[random.Next(Texts.Length)];

    private static T AnyEnum<T>(Random random) where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return random.Next(15) == 0 ? (T)(object)random.Next(-3, 40) : values[random.Next(values.Length)];
    }

    private static decimal? Amount(Random random) => random.Next(4) switch
    {
        0 => null,
        1 => (decimal)random.Next(-100_000, 100_000) / 100,
        2 => (decimal)random.NextInt64(-1_000_000_000_000, 1_000_000_000_000) / (decimal)Math.Pow(10, random.Next(0, 9)),
        _ => random.Next(3) switch { 0 => 0m, 1 => -0.00m, _ => 1.50m },
    };

    private static DateOnly Day(Random random) => random.Next(6) == 0
        ? DateOnly.FromDayNumber(random.Next(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber + 1))
        : new DateOnly(2024, 1, 1).AddDays(random.Next(1500));

    private static DateTime Instant(Random random)
    {
        var ticks = new DateTime(2024, 1, 1).Ticks + random.NextInt64(TimeSpan.TicksPerDay * 1000);
        var kind = (DateTimeKind)random.Next(3); // Unspecified, Utc, Local: the mapper writes each as its UTC instant
        return new DateTime(random.Next(3) == 0 ? ticks - ticks % TimeSpan.TicksPerMillisecond : ticks, kind);
    }

    private static FindingDocument RandomFinding(Random random, int i) => new()
    {
        Id = random.Next(50) == 0 ? Pick(random)! : $"lw-{random.NextInt64():x16}{i}",
        Type = AnyEnum<ClaimType>(random),
        Confidence = AnyEnum<Confidence>(random),
        ComputedStatus = AnyEnum<FindingStatus>(random),
        Lifecycle = random.Next(3) == 0 ? AnyEnum<FindingStatus>(random) : null,
        Marketplace = random.Next(10) == 0 ? null! : Pick(random) ?? "US",
        Currency = Pick(random), Fnsku = Pick(random), Sku = Pick(random), Asin = Pick(random), OrderId = Pick(random),
        ShipmentId = Pick(random), RemovalOrderId = Pick(random), ReferenceId = Pick(random),
        Units = random.Next(5) == 0 ? random.Next(int.MinValue, int.MaxValue) : random.Next(0, 20),
        Amount = Amount(random),
        ReferenceDate = Day(random), EligibleFrom = Day(random), Deadline = Day(random),
        Evidence = random.Next(10) == 0 ? null! : Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(25) == 0 ? null! : new EvidenceDocument
        {
            Source = random.Next(10) == 0 ? null! : Pick(random) ?? "ledger",
            Date = Day(random), ReferenceId = Pick(random), Quantity = random.Next(-100, 100),
            Note = random.Next(10) == 0 ? null! : Pick(random) ?? "",
        }).ToList(),
        Explanation = random.Next(10) == 0 ? null! : Pick(random) ?? "3 units lost on 2025-01-02 were not found or reimbursed.",
        CaseId = Pick(random), AmountRecovered = Amount(random), DismissReason = Pick(random),
        Confirmed = random.Next(2) == 0, Detected = random.Next(4) != 0,
        FirstSeenAt = Instant(random), LastSeenAt = Instant(random),
        History = random.Next(10) == 0 ? null! : Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(25) == 0 ? null! : new StatusChangeDocument
        {
            At = Instant(random), Status = AnyEnum<FindingStatus>(random),
            Source = random.Next(10) == 0 ? null! : Pick(random) ?? "scan", Note = Pick(random),
        }).ToList(),
        FiledAt = random.Next(2) == 0 ? null : Instant(random),
        DraftId = Pick(random),
        FiledUnits = random.Next(2) == 0 ? null : random.Next(-5, 50),
        FiledAmount = Amount(random),
        CaseStatus = Pick(random), CaseStatusText = Pick(random),
        CaseStatusDate = random.Next(2) == 0 ? null : Day(random),
        CaseClosedOn = random.Next(2) == 0 ? null : Day(random),
        UnitsRecovered = random.Next(2) == 0 ? null : random.Next(0, 50),
        ReimbursementIds = random.Next(10) == 0 ? null! : Enumerable.Range(0, random.Next(0, 4)).Select(_ => Pick(random)!).ToList(),
    };

    private static IEnumerable<FindingDocument> EdgeFindings()
    {
        yield return new FindingDocument { Id = "edge-empty" };
        yield return new FindingDocument { Id = null!, Marketplace = null!, Explanation = null!, Evidence = null!, History = null!, ReimbursementIds = null! };
        yield return new FindingDocument
        {
            Id = "edge-min", ReferenceDate = DateOnly.MinValue, EligibleFrom = DateOnly.MinValue, Deadline = DateOnly.MinValue,
            FirstSeenAt = DateTime.MinValue, LastSeenAt = new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc), Units = int.MinValue,
            Amount = decimal.MinValue, FiledAmount = decimal.MinValue, AmountRecovered = -0.000m,
        };
        yield return new FindingDocument
        {
            Id = "edge-max", ReferenceDate = DateOnly.MaxValue, EligibleFrom = DateOnly.MaxValue, Deadline = DateOnly.MaxValue,
            FirstSeenAt = DateTime.MaxValue, LastSeenAt = new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc), Units = int.MaxValue,
            Amount = decimal.MaxValue, FiledAmount = decimal.MaxValue, CaseStatusDate = DateOnly.MaxValue, CaseClosedOn = DateOnly.MinValue,
        };
        yield return new FindingDocument
        {
            Id = "edge-all", Type = ClaimType.DamagedWarehouse, Confidence = Confidence.High, ComputedStatus = FindingStatus.Claimable,
            Lifecycle = FindingStatus.Filed, Marketplace = "DE", Currency = "EUR", Fnsku = "X001", Sku = "SKU-1", Asin = "B00",
            OrderId = "302-1234567-1234567", ShipmentId = "FBA15ABC", RemovalOrderId = "R1", ReferenceId = "T1", Units = 3,
            Amount = 12.50m, ReferenceDate = new DateOnly(2026, 1, 2), EligibleFrom = new DateOnly(2026, 2, 1), Deadline = new DateOnly(2027, 7, 30),
            Evidence = [new EvidenceDocument { Source = "ledger", Date = new DateOnly(2026, 1, 2), ReferenceId = "T1", Quantity = -3, Note = "3 units damaged" }],
            Explanation = "Three units were damaged.", CaseId = "12345678901", AmountRecovered = 5.00m, DismissReason = "no",
            Confirmed = true, Detected = false, FirstSeenAt = new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc),
            LastSeenAt = new DateTime(2026, 11, 26, 10, 0, 0, 123, DateTimeKind.Utc),
            History = [new StatusChangeDocument { At = new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc), Status = FindingStatus.Claimable, Source = "scan", Note = "n" }],
            FiledAt = new DateTime(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc), DraftId = "d1", FiledUnits = 3, FiledAmount = 12.50m,
            CaseStatus = "Closed", CaseStatusText = "Geschlossen", CaseStatusDate = new DateOnly(2026, 12, 1), CaseClosedOn = new DateOnly(2026, 12, 1),
            UnitsRecovered = 2, ReimbursementIds = ["r1", "r2"],
        };
    }
}
