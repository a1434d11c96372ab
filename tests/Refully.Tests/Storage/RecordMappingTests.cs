using LiteDB;
using Refully.Companion.Domain.Records;
using Refully.Companion.Storage;

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

    private static readonly string?[] Texts = [null, "", " ", "X00ABC1234", "sellable", "販売可", "a|b#c", "  padded  ", "ÄÖÜ ß", "\t", "US", "0"];

    private static string? Pick(Random random) => Texts[random.Next(Texts.Length)] is { } text && random.Next(3) == 0
        ? text + random.Next(1000)
        : Texts[random.Next(Texts.Length)];

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

    private static decimal? Amount(Random random) => random.Next(4) switch
    {
        0 => null,
        1 => (decimal)random.Next(-100_000, 100_000) / 100,
        2 => (decimal)random.NextInt64(-1_000_000_000_000, 1_000_000_000_000) / (decimal)Math.Pow(10, random.Next(0, 9)),
        _ => random.Next(3) switch { 0 => 0m, 1 => -0.00m, _ => 1.50m },
    };

    private static DateTimeOffset Time(Random random) => new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)
        .AddTicks(random.NextInt64(TimeSpan.TicksPerDay * 1000)).ToOffset(TimeSpan.FromMinutes(15 * random.Next(-48, 57)));

    private static Transaction RandomTransaction(Random random, int i) => new()
    {
        Id = $"t-{i}#1",
        Source = random.Next(8) == 0 ? "" : "SettlementV2",
        Date = Time(random),
        SettlementId = Pick(random),
        Type = random.Next(20) == 0 ? (TransactionType)random.Next(-2, 60) : Enum.GetValues<TransactionType>()[random.Next(Enum.GetValues<TransactionType>().Length)],
        TypeText = Pick(random), OrderId = Pick(random), MerchantOrderId = Pick(random), AdjustmentId = Pick(random), ShipmentId = Pick(random),
        OrderItemCode = Pick(random), Sku = Pick(random), Description = Pick(random),
        Quantity = random.Next(3) == 0 ? null : random.Next(-10, 1000),
        Fulfillment = (Fulfillment)random.Next(0, 4),
        Currency = Pick(random), AmountType = Pick(random), AmountDescription = Pick(random),
        Amount = Amount(random), ProductSales = Amount(random), ProductSalesTax = Amount(random), ShippingCredits = Amount(random),
        GiftWrapCredits = Amount(random), PromotionalRebates = Amount(random), SellingFees = Amount(random), FbaFees = Amount(random),
        OtherTransactionFees = Amount(random), Other = Amount(random), Total = Amount(random),
        Marketplace = Pick(random),
    };

    private static OrderLine RandomOrderLine(Random random, int i) => new()
    {
        Id = $"o-{i}#1",
        AmazonOrderId = random.Next(8) == 0 ? "" : $"111-{random.Next(10_000_000):D7}-{random.Next(10_000_000):D7}",
        MerchantOrderId = Pick(random), OrderItemId = Pick(random),
        PurchaseDate = Time(random),
        LastUpdatedDate = random.Next(2) == 0 ? null : Time(random),
        OrderStatus = Pick(random),
        FulfillmentChannel = (Fulfillment)random.Next(-1, 4),
        SalesChannel = Pick(random), Sku = Pick(random), Asin = Pick(random), ItemStatus = Pick(random),
        Quantity = random.Next(3) == 0 ? null : random.Next(0, 20),
        Currency = Pick(random),
        ItemPrice = Amount(random), ItemTax = Amount(random), ShippingPrice = Amount(random), ShippingTax = Amount(random),
        GiftWrapPrice = Amount(random), GiftWrapTax = Amount(random), ItemPromotionDiscount = Amount(random), ShipPromotionDiscount = Amount(random),
        IsBusinessOrder = random.Next(3) switch { 0 => null, 1 => true, _ => false },
        Marketplace = Pick(random),
    };

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
