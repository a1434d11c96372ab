using LiteDB;
using Refully.Companion.Domain.Records;
using Refully.Companion.Storage;

using static Refully.Tests.Storage.RandomRecords;

namespace Refully.Tests.Storage;

/// <summary>
/// The hand-written documents of <see cref="RecordMapping.ToDocument"/> must be exactly what LiteDB's reflection
/// mapper writes (existing data files read back the same, and records written either way are indistinguishable):
/// compared field for field, in order, as BSON bytes, and read back.
/// </summary>
public sealed class RecordMappingTests : IDisposable
{
    private readonly CompanionDatabase _db = CompanionDatabase.InMemory();

    public void Dispose() => _db.Dispose();

    private BsonMapper Mapper => _db.Database.Mapper;

    [Fact]
    public void LedgerEventDocumentsAreTheMappersFieldForField()
    {
        var random = new Random(20261126);
        var events = Enumerable.Range(0, 5000).Select(i => RandomLedgerEvent(random, i)).Concat(EdgeLedgerEvents()).ToList();
        foreach (var e in events)
        {
            var reflected = Mapper.ToDocument(typeof(LedgerEvent), e);
            var written = RecordMapping.ToDocument(Mapper, e);

            Fields(written).Should().Equal(Fields(reflected), $"record {e.Id}");
            BsonSerializer.Serialize(written).Should().Equal(BsonSerializer.Serialize(reflected), $"record {e.Id}");
            Mapper.ToObject<LedgerEvent>(written).Should().BeEquivalentTo(Mapper.ToObject<LedgerEvent>(reflected));
        }
    }

    [Fact]
    public void LedgerEventsStoredThroughTheStoreReadBackEqual()
    {
        var random = new Random(7);
        var events = Enumerable.Range(0, 3000).Select(i => RandomLedgerEvent(random, i)).Concat(EdgeLedgerEvents()).ToList();
        var store = new RecordStore(_db);
        store.Upsert(events);

        var back = store.All<LedgerEvent>().ToDictionary(e => e.Id);
        back.Should().HaveCount(events.Count);
        back["edge-all#1"].Should().BeEquivalentTo(events.Single(e => e.Id == "edge-all#1"));
        foreach (var e in events)
        {
            back[e.Id].Should().BeEquivalentTo(Mapper.ToObject<LedgerEvent>(Mapper.ToDocument(typeof(LedgerEvent), e)));
        }
        // The documents stored are the mapper's (its JSON, which lists fields in stored order).
        var stored = store.Snapshot(typeof(LedgerEvent))[nameof(LedgerEvent)];
        stored.Should().Equal(events.Select(e => JsonSerializer.Serialize(Mapper.ToDocument(typeof(LedgerEvent), e))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TransactionAndOrderLineDocumentsAreTheMappersFieldForField()
    {
        var random = new Random(99);
        var records = Enumerable.Range(0, 3000).SelectMany(i => new DomainRecord[] { RandomTransaction(random, i), RandomOrderLine(random, i) })
            .Concat([new Transaction { Id = "t-min#1", Source = null!, Date = DateTimeOffset.MinValue }, new OrderLine { Id = "o-max#1", PurchaseDate = DateTimeOffset.MaxValue, AmazonOrderId = null! }])
            .ToList();
        foreach (var record in records)
        {
            var reflected = Mapper.ToDocument(record.GetType(), record);
            var written = RecordMapping.ToDocument(Mapper, record);

            Fields(written).Should().Equal(Fields(reflected), $"record {record.Id}");
            BsonSerializer.Serialize(written).Should().Equal(BsonSerializer.Serialize(reflected), $"record {record.Id}");
            Mapper.ToObject(record.GetType(), written).Should().BeEquivalentTo(Mapper.ToObject(record.GetType(), reflected));
        }

        var store = new RecordStore(_db);
        store.Upsert(records);
        var snapshot = store.Snapshot(typeof(Transaction), typeof(OrderLine));
        foreach (var type in new[] { typeof(Transaction), typeof(OrderLine) })
        {
            snapshot[type.Name].Should().Equal(records.Where(r => r.GetType() == type)
                .Select(r => JsonSerializer.Serialize(Mapper.ToDocument(type, r))).Order(StringComparer.Ordinal));
        }
        store.All<Transaction>().Should().HaveCount(3001);
        store.All<OrderLine>().Should().HaveCount(3001);
    }

    [Fact]
    public void OtherRecordTypesGoThroughTheMapper()
    {
        var reimbursement = new Reimbursement { Id = "r#1", ReimbursementId = "123", Marketplace = "US" };
        BsonSerializer.Serialize(RecordMapping.ToDocument(Mapper, reimbursement))
            .Should().Equal(BsonSerializer.Serialize(Mapper.ToDocument(typeof(Reimbursement), reimbursement)));
    }

    private static List<(string Name, BsonType Type, string Value)> Fields(BsonDocument document) =>
        document.GetElements().Select(f => (f.Key, f.Value.Type, f.Value.ToString())).ToList();

    private static LedgerEvent RandomLedgerEvent(Random random, int i)
    {
        var offsets = new[] { TimeSpan.Zero, TimeSpan.FromHours(-7), TimeSpan.FromHours(9), TimeSpan.FromMinutes(330), TimeSpan.FromHours(-12), TimeSpan.FromHours(14) };
        var types = Enum.GetValues<LedgerEventType>();
        var date = DateOnly.FromDayNumber(random.Next(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber + 1));
        return new LedgerEvent
        {
            Id = $"id-{i}#{random.Next(1, 4)}",
            Date = random.Next(4) == 0 ? date : new DateOnly(2025, 1, 1).AddDays(random.Next(730)),
            DateTime = random.Next(3) == 0 ? null : new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)
                .AddTicks(random.NextInt64(TimeSpan.TicksPerDay * 730))
                .AddTicks(random.Next(2) == 0 ? 0 : random.Next(10_000_000))
                .ToOffset(offsets[random.Next(offsets.Length)]),
            Fnsku = random.Next(10) == 0 ? "" : $"X00{random.Next(100_000):D7}",
            Asin = Pick(random),
            Msku = Pick(random),
            EventType = random.Next(20) == 0 ? (LedgerEventType)random.Next(-3, 40) : types[random.Next(types.Length)],
            ReferenceId = Pick(random),
            Quantity = random.Next(5) == 0 ? random.Next(int.MinValue, int.MaxValue) : random.Next(-50, 50),
            FulfillmentCenter = Pick(random),
            Disposition = Pick(random),
            Reason = Pick(random),
            Country = Pick(random),
            ReconciledQuantity = random.Next(2) == 0 ? null : random.Next(-5, 100),
            UnreconciledQuantity = random.Next(2) == 0 ? null : random.Next(int.MinValue, int.MaxValue),
            Store = Pick(random),
            Marketplace = Pick(random),
        };
    }

    private static IEnumerable<LedgerEvent> EdgeLedgerEvents()
    {
        yield return new LedgerEvent { Id = "edge-min#1", Date = DateOnly.MinValue, DateTime = DateTimeOffset.MinValue, Fnsku = "" };
        yield return new LedgerEvent { Id = "edge-max#1", Date = DateOnly.MaxValue, DateTime = DateTimeOffset.MaxValue, Quantity = int.MaxValue, ReconciledQuantity = int.MinValue, UnreconciledQuantity = 0 };
        yield return new LedgerEvent
        {
            Id = "edge-all#1", Date = new DateOnly(2026, 7, 6), DateTime = new DateTimeOffset(2026, 7, 6, 23, 30, 0, 123, TimeSpan.FromHours(-7)),
            Fnsku = "X1", Asin = "B0", Msku = "SKU", EventType = LedgerEventType.WhseTransfers, ReferenceId = "R", Quantity = -3,
            FulfillmentCenter = "PHX6", Disposition = "SELLABLE", Reason = "M", Country = "US", ReconciledQuantity = 1,
            UnreconciledQuantity = 2, Store = "S", Marketplace = "US",
        };
        yield return new LedgerEvent { Id = "edge-null-fnsku#1", Fnsku = null!, EventType = (LedgerEventType)(-1) };
    }
}
