using LiteDB;
using Refully.Companion.Domain.Records;
using Refully.Companion.Storage;

using static Refully.Tests.Storage.RandomRecords;

namespace Refully.Tests.Storage;

/// <summary>
/// The shortcuts of <see cref="PageRecordStore"/> against its general path: records read from the hand-written
/// documents without the binary round trip equal the round trip's, and ids an <see cref="IStoredIds"/> calls new are
/// not looked up, yet a wrong answer still stores exactly what the general path stores.
/// </summary>
public sealed class PageStoreShortcutTests : IDisposable
{
    private readonly CompanionDatabase _db = CompanionDatabase.InMemory();

    public void Dispose() => _db.Dispose();

    private BsonMapper Mapper => _db.Database.Mapper;

    private static LedgerEvent Ledger(Random random, int i) => new()
    {
        Id = $"l-{i}#1",
        Date = random.Next(6) == 0 ? DateOnly.FromDayNumber(random.Next(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber + 1)) : new DateOnly(2025, 1, 1).AddDays(random.Next(730)),
        DateTime = random.Next(3) == 0 ? null : Time(random),
        Fnsku = random.Next(10) switch { 0 => "", 1 => null!, _ => $"X00{random.Next(100_000):D7}" },
        Asin = Pick(random), Msku = Pick(random),
        EventType = random.Next(20) == 0 ? (LedgerEventType)random.Next(-3, 40) : Enum.GetValues<LedgerEventType>()[random.Next(7)],
        ReferenceId = Pick(random),
        Quantity = random.Next(5) == 0 ? random.Next(int.MinValue, int.MaxValue) : random.Next(-50, 50),
        FulfillmentCenter = Pick(random), Disposition = Pick(random), Reason = Pick(random), Country = Pick(random),
        ReconciledQuantity = random.Next(2) == 0 ? null : random.Next(-5, 100),
        UnreconciledQuantity = random.Next(2) == 0 ? null : random.Next(int.MinValue, int.MaxValue),
        Store = Pick(random), Marketplace = Pick(random),
    };

    /// <summary>Every property, DomainRecord's included, as JSON (decimals keep their scale).</summary>
    private static string Json(DomainRecord record) => System.Text.Json.JsonSerializer.Serialize(record, record.GetType());

    [Fact]
    public void TheHandWrittenTypesReadWithoutTheBinaryRoundTripAsWithIt()
    {
        var random = new Random(20261126);
        var records = Enumerable.Range(0, 3000).SelectMany(i => new DomainRecord[] { Ledger(random, i), RandomTransaction(random, i), RandomOrderLine(random, i) }).ToList();
        foreach (var record in records)
        {
            var type = record.GetType();
            StoredForm.WrittenByHand(type).Should().BeTrue();
            var document = RecordMapping.ToDocument(Mapper, record);
            var roundTrip = (DomainRecord)Mapper.ToObject(type, BsonSerializer.Deserialize(BsonSerializer.Serialize(document)));
            Json(StoredForm.Read(Mapper, type, document)).Should().Be(Json(roundTrip), $"{type.Name} {record.Id}");
        }
        StoredForm.WrittenByHand(typeof(Reimbursement)).Should().BeFalse("a reflection-mapped type may hold values the binary form changes");
    }

    [Fact]
    public void WhatAPageStoresReadsBackAsTheStoreGivesIt()
    {
        var random = new Random(11);
        var records = Enumerable.Range(0, 400).SelectMany(i => new DomainRecord[] { Ledger(random, i), RandomTransaction(random, i), RandomOrderLine(random, i) }).ToList();
        new PageRecordStore(_db).Store(records, overwrite: false, null, out var written);

        var store = new RecordStore(_db);
        var back = store.All<LedgerEvent>().Cast<DomainRecord>().Concat(store.All<Transaction>()).Concat(store.All<OrderLine>())
            .ToDictionary(r => (r.GetType(), r.Id));
        written.Records.Should().HaveCount(records.Count);
        foreach (var record in written.Records)
        {
            Json(record).Should().Be(Json(back[(record.GetType(), record.Id)]));
        }
    }

    /// <summary>An answer of which ids are stored, right or wrong, at a generation.</summary>
    private sealed class Ids(long generation, Func<Type, string, bool?> contains) : IStoredIds
    {
        public long Generation { get; } = generation;

        public int Asked { get; private set; }

        public bool? Contains(Type recordType, string id)
        {
            Asked++;
            return contains(recordType, id);
        }
    }

    private static LedgerEvent Event(string reference, int quantity = -1, string? asin = null) => new()
    {
        Id = $"2026-10-01|X00A|{reference}#1", Date = new DateOnly(2026, 10, 1), Fnsku = "X00A", EventType = LedgerEventType.Adjustments,
        ReferenceId = reference, Quantity = quantity, FulfillmentCenter = "PHX6", Disposition = "SELLABLE", Reason = "M", Asin = asin, Marketplace = "US",
    };

    private static Reimbursement Paid(string id) => new()
    {
        Id = $"{id}#1", ReimbursementId = id, Fnsku = "X00A", Reason = "Lost_Warehouse", Currency = "USD",
        ApprovalDate = new DateTimeOffset(2026, 10, 2, 14, 30, 0, TimeSpan.FromHours(-7)), AmountTotal = 2m, Marketplace = "US",
    };

    /// <summary>The same pages stored the general way and with an answer of stored ids: results, written records and the store equal.</summary>
    private static void StoreBothWays(Func<CompanionDatabase, IStoredIds> answer, Action<PageRecordStore, IStoredIds>? check = null)
    {
        using var general = CompanionDatabase.InMemory();
        using var shortcut = CompanionDatabase.InMemory();
        var seed = new List<DomainRecord> { Event("1"), Event("2"), Paid("P1") };
        new RecordStore(general).Upsert(seed);
        new RecordStore(shortcut).Upsert([Event("1"), Event("2"), Paid("P1")]);

        // New ids, a stored id, a stored id gaining a field, the same new id twice in another letter case, another type.
        var page = new List<DomainRecord> { Event("3"), Event("1"), Event("2", asin: "B0GAINED"), Event("4"), Paid("P2"), Paid("P1") };
        var cased = Event("4");
        cased.Id = cased.Id.ToLowerInvariant();
        cased.Asin = "B0CASED";
        page.Add(cased);

        var expected = new PageRecordStore(general).Store(page, overwrite: false, null, out var expectedWritten);
        var pages = new PageRecordStore(shortcut);
        var ids = answer(shortcut);
        var result = pages.Store(page, overwrite: false, null, ids, out var written);

        result.Should().Be(expected);
        written.Records.Select(Json).Should().Equal(expectedWritten.Records.Select(Json));
        (written.After - written.Before).Should().Be(expectedWritten.After - expectedWritten.Before);
        new RecordStore(shortcut).Snapshot().Should().BeEquivalentTo(new RecordStore(general).Snapshot());
        check?.Invoke(pages, ids);
    }

    [Fact]
    public void IdsProvedNewAreNotLookedUpAndTheResultIsTheGeneralPaths()
    {
        var stored = new HashSet<string>(["2026-10-01|X00A|1#1", "2026-10-01|X00A|2#1"], StringComparer.OrdinalIgnoreCase);
        StoreBothWays(db => new Ids(db.RecordWrites, (type, id) => type == typeof(LedgerEvent) ? stored.Contains(id) : null),
            (pages, ids) =>
            {
                pages.GuessedWrong.Should().Be(0);
                ((Ids)ids).Asked.Should().BeGreaterThan(0, "the answer was used");
            });
    }

    [Fact]
    public void AWrongAnswerThatCallsAStoredIdNewCostsARetryNotAWrongStore()
    {
        StoreBothWays(db => new Ids(db.RecordWrites, (_, _) => false), (pages, _) => pages.GuessedWrong.Should().Be(1));
    }

    [Fact]
    public void AnAnswerFromAnotherGenerationIsNotUsed()
    {
        StoreBothWays(db => new Ids(db.RecordWrites - 1, (_, _) => false), (pages, ids) =>
        {
            pages.GuessedWrong.Should().Be(0);
            ((Ids)ids).Asked.Should().Be(0);
        });
    }
}
