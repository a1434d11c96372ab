using Microsoft.Extensions.Time.Testing;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Storage;

namespace Refully.Tests.Detection.Engine;

public sealed class FindingStoreTests : IDisposable
{
    private readonly CompanionDatabase _db = CompanionDatabase.InMemory();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly FindingStore _store;

    public FindingStoreTests() => _store = new FindingStore(_db, _time);

    public void Dispose() => _db.Dispose();

    private static IReadOnlyList<Finding> Scan(DateOnly asOf, params Candidate[] candidates) =>
        new DetectionEngine(PolicyTable.Defaults(), [new StubDetector(ClaimType.LostWarehouse, Confidence.High, candidates)])
            .Run(new DetectionInput(), asOf);

    [Fact]
    public void ARescanNeverDuplicatesFindings()
    {
        _store.Sync(Scan(new DateOnly(2026, 10, 5), StubDetector.Candidate(key: "a"), StubDetector.Candidate(key: "b")), "scan");
        var second = _store.Sync(Scan(new DateOnly(2026, 10, 6), StubDetector.Candidate(key: "a"), StubDetector.Candidate(key: "b")), "scan");

        second.Should().HaveCount(2);
        _store.Query(new FindingQuery()).Should().HaveCount(2);
    }

    [Fact]
    public void ARescanKeepsLifecycleStatuses()
    {
        var first = _store.Sync(Scan(new DateOnly(2026, 10, 5), StubDetector.Candidate(key: "a")), "scan").Single();
        _store.SetLifecycle(first.Id, FindingStatus.Filed, "seller", "case 12345678901", f => f.CaseId = "12345678901");

        var after = _store.Sync(Scan(new DateOnly(2026, 12, 31), StubDetector.Candidate(key: "a", units: 3)), "scan").Single();

        after.Status.Should().Be(FindingStatus.Filed, "a re-scan never turns a lifecycle status back");
        after.ComputedStatus.Should().Be(FindingStatus.Expired);
        after.Units.Should().Be(3);
        after.CaseId.Should().Be("12345678901");
        after.History.Select(h => h.Status).Should().Equal(FindingStatus.Claimable, FindingStatus.Filed);
    }

    [Fact]
    public void AFindingNoLongerDetectedDisappearsUnlessItHasALifecycleStatus()
    {
        var found = _store.Sync(Scan(new DateOnly(2026, 10, 5), StubDetector.Candidate(key: "a"), StubDetector.Candidate(key: "b")), "scan");
        var dismissed = found.First(f => f.Id == EngineId("b"));
        _store.SetLifecycle(dismissed.Id, FindingStatus.Dismissed, "seller", "already claimed elsewhere", f => f.DismissReason = "already claimed elsewhere");

        var after = _store.Sync([], "scan");

        after.Should().ContainSingle().Which.Id.Should().Be(dismissed.Id);
        after.Single().Detected.Should().BeFalse();
        after.Single().DismissReason.Should().Be("already claimed elsewhere");
    }

    [Fact]
    public void StatusChangesFromDatesAreRecordedOnce()
    {
        _store.Sync(Scan(new DateOnly(2026, 9, 10), StubDetector.Candidate(key: "a")), "scan");
        _store.Sync(Scan(new DateOnly(2026, 9, 11), StubDetector.Candidate(key: "a")), "scan");
        var after = _store.Sync(Scan(new DateOnly(2026, 10, 5), StubDetector.Candidate(key: "a")), "scan").Single();

        after.History.Select(h => h.Status).Should().Equal(FindingStatus.Waiting, FindingStatus.Claimable);
    }

    [Fact]
    public void ComputedStatusesCannotBeSetByHand()
    {
        var act = () => _store.SetLifecycle("x", FindingStatus.Claimable, "seller");

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void QueriesFilterByStatusTypeAndKeys()
    {
        _store.Sync(Scan(new DateOnly(2026, 10, 5),
            StubDetector.Candidate(key: "a", fnsku: "X00AAA0001"),
            StubDetector.Candidate(key: "b", fnsku: "X00BBB0002", reference: new DateOnly(2026, 5, 1))), "scan");

        _store.Query(new FindingQuery(Fnsku: "X00BBB0002")).Should().ContainSingle().Which.Status.Should().Be(FindingStatus.Expired);
        _store.Query(new FindingQuery(Status: FindingStatus.Claimable)).Should().ContainSingle().Which.Fnsku.Should().Be("X00AAA0001");
        _store.Query(new FindingQuery(Type: ClaimType.DamagedWarehouse)).Should().BeEmpty();
    }

    [Fact]
    public void TheFnskuIndexIsMadeOnlyWhenAQueryByFnskuReadsTheFile()
    {
        // A new data file: findings are written without it, and queries are answered from the memory copy.
        _store.Sync(Scan(new DateOnly(2026, 10, 5), StubDetector.Candidate(key: "a", fnsku: "X00AAA0001")), "scan");
        _store.Query(new FindingQuery(Fnsku: "X00AAA0001")).Should().ContainSingle();
        Indexes(_db.Database).Should().Equal("_id");

        // A data file of the older collation has no memory copy: its first query by FNSKU makes the index.
        var path = Path.Combine(Path.GetTempPath(), $"refully-fnsku-{Guid.NewGuid():N}.db");
        try
        {
            using (var old = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = path }))
            {
                old.GetCollection("placeholder").Insert(new LiteDB.BsonDocument { ["_id"] = 1 });
            }
            using var db = new CompanionDatabase(path);
            var store = new FindingStore(db, _time);
            store.Sync(Scan(new DateOnly(2026, 10, 5),
                StubDetector.Candidate(key: "a", fnsku: "X00AAA0001"),
                StubDetector.Candidate(key: "b", fnsku: "X00BBB0002")), "scan");
            Indexes(db.Database).Should().Equal("_id");

            store.Query(new FindingQuery(Fnsku: "x00bbb0002")).Should().BeEmpty("the FNSKU is compared exactly");
            store.Query(new FindingQuery(Fnsku: "X00BBB0002")).Should().ContainSingle().Which.Fnsku.Should().Be("X00BBB0002");
            Indexes(db.Database).Should().Equal("Fnsku", "_id");
        }
        finally
        {
            File.Delete(path);
            File.Delete(Path.ChangeExtension(path, null) + "-log.db");
        }
    }

    private static IEnumerable<string> Indexes(LiteDB.LiteDatabase db) =>
        db.GetCollection("$indexes").Find(LiteDB.Query.EQ("collection", "findings")).Select(i => i["name"].AsString).Order(StringComparer.Ordinal);

    [Fact]
    public void AQueryByAnchorsGivesTheFindingsAnyOfWhoseIdentifiersThePageShowsInTheUsualOrder()
    {
        var all = _store.Sync(Scan(new DateOnly(2026, 10, 5),
            StubDetector.Candidate(key: "a", fnsku: "X00AAA0001"),
            StubDetector.Candidate(key: "b", fnsku: "X00BBB0002"),
            StubDetector.Candidate(key: "c", fnsku: "X00CCC0003", reference: new DateOnly(2026, 5, 1))), "scan");
        var anchors = new HashSet<string>(["x00aaa0001", "X00CCC0003", "not a finding's"], StringComparer.OrdinalIgnoreCase);

        var onPage = _store.Query(new FindingQuery(Anchors: anchors));

        onPage.Select(f => f.Id).Should().Equal(all.Where(f => f.Fnsku is "X00AAA0001" or "X00CCC0003").Select(f => f.Id), "deadline, then id, as every query");
        onPage.Select(f => f.Fnsku).Should().BeEquivalentTo(["X00AAA0001", "X00CCC0003"]);
        _store.Query(new FindingQuery(Anchors: new HashSet<string>())).Should().BeEmpty();
        _store.Query(new FindingQuery(Status: FindingStatus.Expired, Anchors: anchors)).Should().ContainSingle().Which.Fnsku.Should().Be("X00CCC0003");
    }

    private static string EngineId(string key) => DetectionEngine.StableId(ClaimType.LostWarehouse, "US", key);
}
