using System.Text.Json;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Detectors;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using Refully.Companion.Reports.Import;
using Refully.Companion.Storage;
using Refully.Synthetic;
using static Refully.Tests.Detection.PageDetectionSetup;

namespace Refully.Tests.Detection;

/// <summary>
/// Detection keeps its record lists in memory between runs (<see cref="DetectionService"/>, <see cref="RecordCache"/>),
/// updated with what a page stored and read again after any other write: after every step of a sequence of page
/// posts and imports, the input and the findings must equal those of a fresh detection that reads the whole store.
/// </summary>
public sealed class DetectionCacheTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 11, 26);

    private readonly string _folder = Directory.CreateTempSubdirectory("refully-detection-cache-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Json(DetectionInput input) => JsonSerializer.Serialize(new object[]
    {
        input.Ledger, input.Reimbursements, input.Returns, input.Replacements, input.Transactions, input.InboundShipments,
        input.InboundItems, input.Removals, input.Fees, input.Costs,
    });

    private sealed class Setup(string path) : PageDetectionSetup(path)
    {
        /// <summary>The detection service with its cache, as PageIntake uses it.</summary>
        public DetectionService Cached => Service;

        public void Page(IReadOnlyList<DomainRecord> records, bool live)
        {
            Pages.Store(records, live, null, out var written);
            Cached.RecordsStored(written);
        }

        /// <summary>The cached run's input and stored findings equal a fresh full detection's.</summary>
        public void ShouldMatchAFreshDetection(string step)
        {
            var fromStore = Fresh().LoadInput();
            var cached = Cached.LoadInput();
            Json(cached).Should().Be(Json(fromStore), $"the cached input equals the store after {step}");

            var stored = Cached.Run(AsOf, "page").Select(f => f.ToDto()).ToList();
            using var reference = CompanionDatabase.InMemory();
            var expected = new FindingStore(reference, TimeProvider.System).Sync(Engine.Run(fromStore, AsOf), "page").Select(f => f.ToDto()).ToList();
            JsonSerializer.Serialize(stored).Should().Be(JsonSerializer.Serialize(expected), $"the findings equal a fresh detection after {step}");
        }
    }

    [Fact]
    public void AfterPagePostsAndImportsTheFindingsEqualThoseOfAFreshFullDetection()
    {
        var account = AccountGenerator.Generate(7, Path.Combine(_folder, "account"), AsOf);
        using var s = new Setup(Path.Combine(_folder, "cache.db"));
        var files = ReportInput.FromPath(account.ReportsFolder).ToList();
        var importer = new ReportImporter(s.Records, ReportReaders.Registry, new ReportOptions());
        foreach (var file in files.Take(files.Count / 2))
        {
            importer.Import(file).Rejected.Should().BeFalse();
        }
        s.ShouldMatchAFreshDetection("the first import");

        // Page 1: new lost units (some FNSKUs written in lower case, which sort differently ignoring case), an
        // event the store already has (unchanged) and one it has in another letter case (the same id to the store).
        var ledger = s.Records.All<LedgerEvent>();
        ledger.Should().NotBeEmpty();
        var page1 = new List<DomainRecord>();
        for (var i = 0; i < 40; i++)
        {
            var e = Copy(ledger[i * 7 % ledger.Count]);
            e.EventType = LedgerEventType.Adjustments;
            e.Reason = "M";
            e.Quantity = -1 - i % 3;
            e.ReferenceId = $"PAGE1{i:00000}";
            e.Fnsku = i % 4 == 0 ? e.Fnsku.ToLowerInvariant() : e.Fnsku;
            page1.Add(WithId(e));
        }
        page1.Add(Copy(ledger[3]));
        var cased = Copy(ledger[5]);
        cased.Id = cased.Id.ToLowerInvariant();
        page1.Add(cased);
        s.Page(page1, live: false);
        s.ShouldMatchAFreshDetection("a page of new ledger rows");

        // Page 2: past facts gain the fields they lacked (merged, not replaced), plus new reimbursements.
        var reimbursements = s.Records.All<Reimbursement>();
        var page2 = new List<DomainRecord>();
        foreach (var r in reimbursements.Take(10))
        {
            var copy = Copy(r);
            copy.CaseId ??= "12345678901";
            copy.AmountTotal = 1m; // the stored amount wins
            page2.Add(copy);
        }
        var fresh = Copy(reimbursements[0]);
        fresh.ReimbursementId = "9999999999";
        page2.Add(WithId(fresh));
        s.Page(page2, live: false);
        s.ShouldMatchAFreshDetection("a page that fills fields of stored reimbursements");

        // The rest of the account imported: the cache must be read again.
        foreach (var file in files.Skip(files.Count / 2))
        {
            importer.Import(file).Rejected.Should().BeFalse();
        }
        s.ShouldMatchAFreshDetection("the second import");

        // Page 3: live state replaces the stored fields (removal lines).
        var removals = s.Records.All<RemovalOrderLine>();
        var page3 = removals.Take(5).Select(r =>
        {
            var copy = Copy(r);
            copy.OrderStatus = "Completed";
            copy.ShippedQuantity = 0;
            return (DomainRecord)copy;
        }).ToList();
        s.Page(page3, live: true);
        s.ShouldMatchAFreshDetection("a page of removal lines");

        // A page stored while the cache was out of date (an import ran after the last detection) must not update it.
        s.Cached.LoadInput();
        s.Records.Upsert([WithId(new LedgerEvent { Date = AsOf.AddDays(-40), Fnsku = "X00UPSERT1", EventType = LedgerEventType.Adjustments, ReferenceId = "UPSERT1", Quantity = -4, FulfillmentCenter = "PHX6", Disposition = "SELLABLE", Reason = "M", Marketplace = "US" })]);
        s.Page([WithId(new LedgerEvent { Date = AsOf.AddDays(-39), Fnsku = "X00PAGE004", EventType = LedgerEventType.Adjustments, ReferenceId = "PAGE4", Quantity = -2, FulfillmentCenter = "PHX6", Disposition = "SELLABLE", Reason = "M", Marketplace = "US" })], live: false);
        s.ShouldMatchAFreshDetection("an upsert followed by a page");
    }

    [Fact]
    public void ThePageUpdatesTheCachedListsInsteadOfReadingTheStoreAndAnyOtherWriteMakesItReadAgain()
    {
        using var s = new Setup(Path.Combine(_folder, "lists.db"));
        LedgerEvent Event(string reference, string fnsku) => WithId(new LedgerEvent
        {
            Date = new DateOnly(2026, 10, 1), Fnsku = fnsku, EventType = LedgerEventType.Adjustments, ReferenceId = reference,
            Quantity = -1, FulfillmentCenter = "PHX6", Disposition = "SELLABLE", Reason = "M", Marketplace = "US",
        });
        s.Records.Upsert([Event("1", "X00B"), Event("2", "X00D")]);
        var first = s.Cached.LoadInput();
        s.Cached.LoadInput().Ledger.Should().BeSameAs(first.Ledger, "nothing was written");

        s.Page([Event("3", "x00c"), Event("4", "X00A")], live: false);
        var afterPage = s.Cached.LoadInput();
        afterPage.Ledger.Should().NotBeSameAs(first.Ledger);
        afterPage.Ledger.Select(e => e.ReferenceId).Should().Equal("4", "1", "3", "2");
        first.Ledger.Should().HaveCount(2, "an input handed out earlier is never changed");
        Json(afterPage).Should().Be(Json(s.Fresh().LoadInput()));

        s.Records.Upsert([Event("5", "X00E")]);
        var afterUpsert = s.Cached.LoadInput();
        afterUpsert.Ledger.Select(e => e.ReferenceId).Should().Equal("4", "1", "3", "2", "5");
        Json(afterUpsert).Should().Be(Json(s.Fresh().LoadInput()));
    }
}
