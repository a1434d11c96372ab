using JsonSerializer = System.Text.Json.JsonSerializer;
using LiteDB;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Detectors;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Domain.Records;
using Refully.Companion.Storage;

namespace Refully.Tests.Detection;

/// <summary>
/// Pages of new rows as <c>PageIntake</c> stores and detects them (ids the cache proves new not looked up, the cached lists
/// updated, detection continued from the last run): equal to a full detection over the store after every page; a failed
/// write leaves nothing stored and the cache where it was.
/// </summary>
public sealed class PageWriteTests : IDisposable
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private readonly string _folder = Directory.CreateTempSubdirectory("refully-ahead-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class Setup(string path) : PageDetectionSetup(path)
    {
        /// <summary>What PageIntake does with a page of new rows.</summary>
        public (PageStoreResult Stored, IReadOnlyList<FindingDocument> Findings) Post(IReadOnlyList<DomainRecord> page)
        {
            var stored = Pages.Store(page, false, null, Service.StoredIds(), out var written);
            Service.RecordsStored(written);
            return (stored, Service.Run(null, "page"));
        }

        /// <summary>The findings equal a full detection over the store (at today, as pages detect).</summary>
        public void ShouldMatchAFullRun(IReadOnlyList<FindingDocument> findings, string step)
        {
            var fromStore = StoreInput();
            JsonSerializer.Serialize(Service.LoadInput().Ledger).Should().Be(JsonSerializer.Serialize(fromStore.Ledger), $"the cache equals the store after {step}");
            var full = Engine.Run(fromStore, Service.Today);
            JsonSerializer.Serialize(Service.LastComputed).Should().Be(JsonSerializer.Serialize(full), $"the engine's findings after {step}");
            JsonSerializer.Serialize(findings.Select(f => f.ToDto()).ToList()).Should().Be(StoredFrom(full), $"the stored findings after {step}");
        }
    }

    private static LedgerEvent Event(string reference, string fnsku, string reason, int quantity, int daysAgo, string? id = null)
    {
        var e = new LedgerEvent
        {
            Date = Today.AddDays(-daysAgo), Fnsku = fnsku, Asin = "B0" + fnsku, Msku = "SKU-" + fnsku[^1], EventType = LedgerEventType.Adjustments,
            ReferenceId = reference, Quantity = quantity, FulfillmentCenter = "PHX6", Disposition = "SELLABLE", Reason = reason, Country = "US", Marketplace = "US",
        };
        e.Id = id ?? e.NaturalKey() + "#1";
        return e;
    }

    private static List<DomainRecord> Page(int page) => Enumerable.Range(0, 60).Select(i => (DomainRecord)Event(
        $"{page:000}{i:0000}", $"X00P{page % 4}{i % 7}", i % 5 == 0 ? "M" : "F", i % 5 == 0 ? -2 : 1, 5 + (i * 7 + page) % 40)).ToList();

    [Fact]
    public void PagesOfNewRowsEqualAFullDetectionAfterEveryPage()
    {
        using var s = new Setup(Path.Combine(_folder, "pages.db"));
        s.Records.Upsert(Page(0));
        s.Service.Run(null, "page");
        for (var page = 1; page <= 12; page++)
        {
            var (stored, findings) = s.Post(Page(page));
            stored.Inserted.Should().Be(60);
            s.ShouldMatchAFullRun(findings, $"page {page}");
        }
        s.Pages.GuessedWrong.Should().Be(0);
        s.Service.IncrementalRuns.Should().BeGreaterThan(6);
    }

    [Fact]
    public void AFailedWriteStoresNothingAndLeavesTheCacheWhereItWas()
    {
        using var s = new Setup(Path.Combine(_folder, "failed.db"));
        s.Records.Upsert(Page(0));
        var before = s.Service.Run(null, "page");
        var generation = s.Db.RecordWrites;
        var snapshot = s.Records.Snapshot();
        // The second record's id is longer than the data file takes as an index key: the insert fails after the first went in.
        var page = new List<DomainRecord> { Event("OK1", "X00P00", "M", -3, 3), Event("LONG", "X00P00", "M", -3, 3, id: new string('x', 2000)) };

        var act = () => s.Post(page);

        act.Should().Throw<LiteException>();
        s.Records.Snapshot().Should().BeEquivalentTo(snapshot, "the transaction was rolled back: nothing half-stored");
        s.Db.RecordWrites.Should().Be(generation);
        s.Service.StoredIds()!.Generation.Should().Be(generation, "the cache did not advance");
        var after = s.Service.Run(null, "page");
        JsonSerializer.Serialize(after.Select(f => f.ToDto())).Should().Be(JsonSerializer.Serialize(before.Select(f => f.ToDto())));
        s.ShouldMatchAFullRun(after, "a failed write");

        var (stored, findings) = s.Post(Page(1));
        stored.Inserted.Should().Be(60);
        s.ShouldMatchAFullRun(findings, "the next page");
    }
}
