using Refully.Companion.Storage;
using Refully.Tests.Reports.Core;

namespace Refully.Tests.Reports.Import;

public sealed class RecordStoreTests : IDisposable
{
    private readonly CompanionDatabase _db = CompanionDatabase.InMemory();

    public void Dispose() => _db.Dispose();

    private static TestEvent Event(string id, int quantity = 1) => new()
    {
        Id = id,
        Date = new DateOnly(2026, 7, 6),
        At = new DateTimeOffset(2026, 7, 6, 23, 30, 0, TimeSpan.FromHours(-7)),
        Fnsku = "X1",
        Event = "Receipts",
        Quantity = quantity,
        Amount = 12.50m,
        Marketplace = "US",
    };

    [Fact]
    public void DatesTimesAndAmountsRoundTripExactly()
    {
        var store = new RecordStore(_db);
        store.Upsert([Event("a#1")]);
        var back = store.All<TestEvent>().Single();
        back.Should().BeEquivalentTo(Event("a#1"));
        back.At!.Value.Offset.Should().Be(TimeSpan.FromHours(-7));
    }

    [Fact]
    public void DocumentsAreCompactReadableAndWithoutComputedFields()
    {
        var store = new RecordStore(_db);
        store.Upsert([Event("a#1")]);
        var json = store.Snapshot(typeof(TestEvent))["TestEvent"].Single();
        json.Should().Contain("\"Date\":\"2026-07-06\"").And.Contain("\"At\":\"2026-07-06T23:30:00-07:00\"").And.Contain("\"_id\":\"a#1\"");
        json.Should().NotContain("RecordDate").And.NotContain("Title", "null values are not stored").And.NotContain("_type");
    }

    [Fact]
    public void UpsertReplacesARecordWithTheSameId()
    {
        var store = new RecordStore(_db);
        store.Upsert([Event("a#1", 1), Event("b#1", 2)]);
        store.Upsert([Event("a#1", 5)]);
        store.All<TestEvent>().OrderBy(e => e.Id).Select(e => e.Quantity).Should().Equal(5, 2);
    }

    [Fact]
    public void ARecordWithoutIdIsRefused()
    {
        var store = new RecordStore(_db);
        var act = () => store.Upsert([Event("")]);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void AnImportTransactionDisposedWithoutCommitLeavesNothing()
    {
        var store = new RecordStore(_db);
        using (var tx = store.BeginImport())
        {
            store.Upsert([Event("a#1")]);
        }
        store.Count<TestEvent>().Should().Be(0);
        using (var tx = store.BeginImport())
        {
            store.Upsert([Event("a#1")]);
            tx.Commit();
        }
        store.Count<TestEvent>().Should().Be(1);
    }

    [Fact]
    public void AnImportLargerThanTheTransactionMemoryLimitIsStillAllOrNothing()
    {
        // 12,000 documents of ~1 KB are more than the 1,000 pages (8 MB) a transaction keeps in memory here, so
        // LiteDB writes them to its log file before the commit (safepoints): a rollback must still leave nothing.
        using var db = CompanionDatabase.InMemory(maxTransactionPages: 1000);
        var store = new RecordStore(db);
        var title = new string('t', 1000);
        var events = Enumerable.Range(0, 12_000).Select(i => (Refully.Companion.Domain.Records.DomainRecord)Event($"2026-07-06|{i:D6}#1", i)).ToList();
        foreach (var e in events)
        {
            ((TestEvent)e).Title = title;
        }
        using (var tx = store.BeginImport())
        {
            foreach (var batch in events.Chunk(5000))
            {
                store.Upsert(batch);
            }
        }
        store.Count<TestEvent>().Should().Be(0);
        using (var tx = store.BeginImport())
        {
            foreach (var batch in events.Chunk(5000))
            {
                store.Upsert(batch);
            }
            tx.Commit();
        }
        store.Count<TestEvent>().Should().Be(12_000);
        store.All<TestEvent>().Should().OnlyContain(e => e.Title == title);
    }
}
