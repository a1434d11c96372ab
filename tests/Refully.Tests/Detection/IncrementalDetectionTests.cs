using System.Text.Json;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Detectors;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using Refully.Companion.Reports.Import;
using Refully.Companion.Storage;
using Refully.Synthetic;

namespace Refully.Tests.Detection;

/// <summary>
/// <see cref="IncrementalDetection"/> continues the last run after a page of new ledger rows instead of running the whole
/// engine. After every page of a long random sequence (rows of known FNSKUs, new FNSKUs, found and lost units, other
/// reasons, pages that break a condition) the engine's findings and the stored findings must equal those of a full run
/// over the store, and both paths must have been taken.
/// </summary>
public sealed class IncrementalDetectionTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 11, 26);

    private readonly string _folder = Directory.CreateTempSubdirectory("refully-incremental-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static T Copy<T>(T record) where T : DomainRecord => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(record))!;

    private static T WithId<T>(T record) where T : DomainRecord
    {
        record.Id = record.NaturalKey() + "#1";
        return record;
    }

    private sealed class Setup(string path) : PageDetectionSetup(path)
    {
        public void Page(IReadOnlyList<DomainRecord> records, bool live = false)
        {
            Pages.Store(records, live, null, Service.StoredIds(), out var written);
            Service.RecordsStored(written);
        }

        /// <summary>Runs the cached detection at <paramref name="asOf"/>; its engine findings and stored findings equal a full run's over the store.</summary>
        public void ShouldMatchAFullRun(string step, DateOnly? asOf = null)
        {
            var date = asOf ?? AsOf;
            var stored = Service.Run(date, "page").Select(f => f.ToDto()).ToList();
            var full = Engine.Run(StoreInput(), date);
            JsonSerializer.Serialize(Service.LastComputed).Should().Be(JsonSerializer.Serialize(full), $"the engine's findings equal a full run's after {step}");
            JsonSerializer.Serialize(stored).Should().Be(StoredFrom(full), $"the stored findings equal a full run's after {step}");
        }
    }

    private static LedgerEvent Adjustment(LedgerEvent like, string reference, string reason, int quantity, DateOnly date, string? fnsku = null, string? sku = null,
        string? asin = null, string? marketplace = null)
    {
        var e = Copy(like);
        e.EventType = LedgerEventType.Adjustments;
        e.ReferenceId = reference;
        e.Reason = reason;
        e.Quantity = quantity;
        e.Date = date;
        e.Fnsku = fnsku ?? e.Fnsku;
        e.Msku = sku ?? e.Msku;
        e.Asin = asin ?? e.Asin;
        e.Marketplace = marketplace ?? e.Marketplace;
        e.ReconciledQuantity = null;
        e.UnreconciledQuantity = null;
        return WithId(e);
    }

    private Setup Account(string name, out List<LedgerEvent> ledger)
    {
        var account = AccountGenerator.Generate(11, Path.Combine(_folder, name + "-account"), AsOf);
        var s = new Setup(Path.Combine(_folder, name + ".db"));
        var importer = new ReportImporter(s.Records, ReportReaders.Registry, new ReportOptions());
        foreach (var file in ReportInput.FromPath(account.ReportsFolder))
        {
            importer.Import(file).Rejected.Should().BeFalse();
        }
        // Rows a page can copy: with an FNSKU, an ordinary MSKU and a marketplace of their own.
        ledger = s.Records.All<LedgerEvent>()
            .Where(e => e.Fnsku.Length > 0 && e.Msku is { Length: > 0 } m && !m.StartsWith("Amazon.Found.", StringComparison.OrdinalIgnoreCase) && e.Marketplace is not null)
            .ToList();
        ledger.Should().NotBeEmpty();
        return s;
    }

    [Fact]
    public void AfterEveryPageOfARandomSequenceTheFindingsEqualAFullRun()
    {
        using var s = Account("random", out var ledger);
        s.ShouldMatchAFullRun("the import");
        var random = new Random(5);
        var reasons = new[] { "M", "M", "F", "F", "5", "N", "E", "6", "Q", "O", "P" };
        var next = 0;
        for (var page = 0; page < 30; page++)
        {
            var rows = new List<DomainRecord>();
            // Two new FNSKUs per page for one SKU, so later pages find it with several FNSKUs.
            var sku = $"PAGE-SKU-{page % 3}";
            var like = ledger[random.Next(ledger.Count)];
            for (var i = 0; i < 20 + random.Next(40); i++)
            {
                var date = AsOf.AddDays(-random.Next(1, 200));
                var reason = reasons[random.Next(reasons.Length)];
                var quantity = reason is "M" or "5" or "E" or "6" ? -random.Next(1, 4) : random.Next(1, 4);
                var reference = $"P{page:00}{next++:00000}";
                rows.Add(random.Next(3) switch
                {
                    0 => Adjustment(like, reference, reason, quantity, date, fnsku: $"X0PAGE{page % 6}{i % 2}", sku: sku, asin: $"B0PAGE{page % 3}"),
                    // Another row of an FNSKU the account has, in another letter case now and then.
                    _ when ledger[random.Next(ledger.Count)] is var known => Adjustment(known, reference, reason, quantity, date,
                        fnsku: random.Next(5) == 0 ? known.Fnsku.ToLowerInvariant() : known.Fnsku),
                    _ => throw new InvalidOperationException(),
                });
            }
            if (page % 7 == 6)
            {
                // A page that breaks a condition: a disposal row.
                rows.Add(Adjustment(like, $"D{page}", "D", -1, AsOf.AddDays(-5)));
            }
            s.Page(rows);
            s.ShouldMatchAFullRun($"page {page}");
        }
        s.Service.IncrementalRuns.Should().BeGreaterThan(10, "pages of known FNSKUs continue the last run");
        s.Service.FullRuns.Should().BeGreaterThan(3, "pages that break a condition run the whole engine");
    }

    [Fact]
    public void EachConditionThatDoesNotHoldRunsTheWholeEngineWithTheSameResult()
    {
        using var s = Account("conditions", out var ledger);
        var like = ledger.First(e => e.Marketplace == "US");
        var other = ledger.First(e => e.Marketplace != "US" && !string.Equals(e.Fnsku, like.Fnsku, StringComparison.OrdinalIgnoreCase));
        s.ShouldMatchAFullRun("the import");
        var n = 0;
        string Reference() => $"C{n++:0000}";

        void Expect(bool incremental, string step, IReadOnlyList<DomainRecord> page, DateOnly? asOf = null)
        {
            var (before, full) = (s.Service.IncrementalRuns, s.Service.FullRuns);
            s.Page(page);
            s.ShouldMatchAFullRun(step, asOf);
            (s.Service.IncrementalRuns - before).Should().Be(incremental ? 1 : 0, step);
            (s.Service.FullRuns - full).Should().Be(incremental ? 0 : 1, step);
        }

        Expect(true, "a lost row of a known FNSKU", [Adjustment(like, Reference(), "M", -2, AsOf.AddDays(-20))]);
        Expect(true, "its found row, in lower case", [Adjustment(like, Reference(), "F", 1, AsOf.AddDays(-10), fnsku: like.Fnsku.ToLowerInvariant())]);
        Expect(false, "a new SKU", [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-20), fnsku: "X0NEW00001", sku: "NEW-SKU", asin: "B0NEW00001")]);
        Expect(false, "a second FNSKU of that SKU (its only FNSKU changes)",
            [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-20), fnsku: "X0NEW00002", sku: "NEW-SKU", asin: "B0NEW00001")]);
        Expect(true, "a third FNSKU of that SKU and ASIN", [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-20), fnsku: "X0NEW00003", sku: "NEW-SKU", asin: "B0NEW00001")]);
        Expect(false, "a known FNSKU with another SKU", [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-20), sku: "ANOTHER-SKU")]);
        var sibling = ledger.First(e => e.Marketplace == like.Marketplace && !string.Equals(e.Fnsku, like.Fnsku, StringComparison.OrdinalIgnoreCase)
            && e.Msku != like.Msku && s.Records.All<LedgerEvent>().Count(r => r.Msku == e.Msku) > 0);
        Expect(false, "a known FNSKU with another FNSKU's SKU", [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-2), sku: sibling.Msku)]);
        Expect(false, "a known FNSKU in another marketplace",
            [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-20), marketplace: other.Marketplace)]);
        Expect(false, "a marketplace the account does not have", [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-20), fnsku: "X0NEW00004", sku: "NEW-SKU", marketplace: "JP")]);
        Expect(false, "a disposal", [Adjustment(like, Reference(), "D", -1, AsOf.AddDays(-20))]);
        Expect(false, "an Amazon.Found row", [Adjustment(like, Reference(), "F", 1, AsOf.AddDays(-20), sku: "Amazon.Found." + like.Asin)]);
        Expect(false, "a new FNSKU of a new ASIN while the ledger has Amazon.Found rows",
            [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-20), fnsku: "X0NEW00006", sku: "NEW-SKU", asin: "B0NEW00006")]);
        Expect(false, "a row that is not an adjustment", [WithId(new LedgerEvent
        {
            Date = AsOf.AddDays(-3), Fnsku = like.Fnsku, Msku = like.Msku, Asin = like.Asin, EventType = LedgerEventType.Receipts, ReferenceId = "FBA15NEW",
            Quantity = 3, FulfillmentCenter = "PHX6", Disposition = "SELLABLE", Marketplace = like.Marketplace,
        })]);
        Expect(false, "a reimbursement", [WithId(new Reimbursement
        {
            ReimbursementId = "R-INCREMENTAL", Fnsku = like.Fnsku, Sku = like.Msku, Reason = "Lost_Warehouse", Currency = "USD", QuantityReimbursedCash = 1,
            AmountPerUnit = 3m, AmountTotal = 3m, ApprovalDate = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), Marketplace = "US",
        })]);
        Expect(true, "a lost row again", [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-30))]);
        var firstOfSku = s.Records.All<LedgerEvent>().Where(e => e.Msku == like.Msku).MinBy(e => e.Id, StringComparer.OrdinalIgnoreCase)!;
        Expect(false, "a row of another FNSKU that would be its MSKU's first",
            [Adjustment(like, Reference(), "M", -1, firstOfSku.Date.AddDays(-400), fnsku: "X0NEW00005", sku: like.Msku)]);
        Expect(false, "a stored row again, changed (not a new row)", [Merge(s, like)]);
        Expect(false, "another day", [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-30))], AsOf.AddDays(1));
        Expect(true, "the same day again", [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-31))], AsOf.AddDays(1));
    }

    /// <summary>A stored row of the FNSKU with a field it lacked: the page updates it.</summary>
    private static LedgerEvent Merge(Setup s, LedgerEvent like)
    {
        var stored = Copy(s.Records.All<LedgerEvent>().First(e => e.Fnsku == like.Fnsku && e.Store is null));
        stored.Store = "page";
        return stored;
    }

    [Fact]
    public void TheInputOfTheRunContinuedFromIsNotChanged()
    {
        using var s = Account("unchanged", out var ledger);
        var like = ledger.First(e => e.Marketplace == "US");
        s.Service.Run(AsOf, "page");
        var before = s.Service.LoadInput();
        var catalog = before.Catalog;
        var places = before.Marketplaces;
        s.Page([Adjustment(like, "U1", "M", -1, AsOf.AddDays(-20), fnsku: "X0UNCHANGED", sku: "PAGE-SKU", asin: "B0UNCHANGED"),
            Adjustment(like, "U2", "M", -1, AsOf.AddDays(-20), fnsku: "X0UNCHANGEE", sku: "PAGE-SKU", asin: "B0UNCHANGED")]);
        s.ShouldMatchAFullRun("two new FNSKUs of a new SKU");
        s.Page([Adjustment(like, "U3", "M", -1, AsOf.AddDays(-20), fnsku: "X0UNCHANGEF", sku: "PAGE-SKU", asin: "B0UNCHANGED")]);
        var incremental = s.Service.IncrementalRuns;
        s.ShouldMatchAFullRun("a third");
        s.Service.IncrementalRuns.Should().Be(incremental + 1);
        catalog.SkuOf("X0UNCHANGEF").Should().BeNull("the catalog of an earlier input is copied, not changed");
        catalog.FnskuOfSku("PAGE-SKU").Should().BeNull();
        places.ForFnsku("X0UNCHANGEF").Should().Be(places.ForFnsku("X0NEVERSEEN"));
    }
}
