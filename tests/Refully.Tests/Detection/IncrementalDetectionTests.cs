using System.Text.Json;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Detectors;
using Refully.Companion.Detection.Indexes;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using Refully.Companion.Reports.Import;
using Refully.Companion.Storage;
using Refully.Synthetic;
using static Refully.Tests.Detection.PageDetectionSetup;

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

    /// <summary>A new ledger row of <paramref name="type"/> like <paramref name="like"/> (same FNSKU, MSKU, ASIN and marketplace).</summary>
    private static LedgerEvent Row(LedgerEvent like, LedgerEventType type, string reference, int quantity, DateOnly date, string? disposition = "SELLABLE",
        string? reason = null)
    {
        var e = Adjustment(like, reference, reason ?? "", quantity, date);
        e.EventType = type;
        e.Reason = reason;
        e.Disposition = disposition;
        return WithId(e);
    }

    /// <summary>Shipments InboundShortage counts (CLOSED or RECEIVING) and FNSKUs with sellable returns, each with a ledger row of an FNSKU a page can copy.</summary>
    private static (List<string> Shipments, List<LedgerEvent> WithSellableReturns) Touching(Setup s, List<LedgerEvent> ledger)
    {
        var shipments = s.Records.All<InboundShipment>().Where(x => x.ShipmentStatus?.Trim().ToUpperInvariant() is "CLOSED" or "RECEIVING")
            .Select(x => x.ShipmentId).ToList();
        var sellable = s.Records.All<CustomerReturn>().Where(r => r.Quantity > 0 && r.Fnsku is not null
                && string.Equals(r.DetailedDisposition?.Trim(), "SELLABLE", StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Fnsku!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rows = ledger.Where(e => sellable.Contains(e.Fnsku)).ToList();
        shipments.Should().NotBeEmpty("the account has shipments InboundShortage counts");
        rows.Should().NotBeEmpty("the account has FNSKUs with sellable returns and ledger rows");
        return (shipments, rows);
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
        var (shipments, returned) = Touching(s, ledger);
        var reruns = new HashSet<ClaimType>();
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
                var known = ledger[random.Next(ledger.Count)];
                rows.Add(random.Next(9) switch
                {
                    0 or 1 or 2 => Adjustment(like, reference, reason, quantity, date, fnsku: $"X0PAGE{page % 6}{i % 2}", sku: sku, asin: $"B0PAGE{page % 3}"),
                    // Another row of an FNSKU the account has, in another letter case now and then.
                    3 or 4 => Adjustment(known, reference, reason, quantity, date, fnsku: random.Next(5) == 0 ? known.Fnsku.ToLowerInvariant() : known.Fnsku),
                    // Receipts: of no shipment the account counts, of one it counts (in either letter case), carrier-damaged.
                    5 => Row(known, LedgerEventType.Receipts, random.Next(3) switch
                    {
                        0 => $"FBA{reference}",
                        1 => shipments[random.Next(shipments.Count)].ToLowerInvariant(),
                        _ => shipments[random.Next(shipments.Count)],
                    }, random.Next(1, 20), date, random.Next(4) == 0 ? "CARRIER_DAMAGED" : "SELLABLE"),
                    // Customer returns: restocks of FNSKUs with sellable returns or not, damaged ones, negative ones.
                    6 => Row(random.Next(2) == 0 ? returned[random.Next(returned.Count)] : known, LedgerEventType.CustomerReturns,
                        $"11{random.Next(1, 5)}-{next:0000000}-{page:0000000}", random.Next(5) == 0 ? -1 : random.Next(1, 3), date,
                        random.Next(3) switch { 0 => "CUSTOMER_DAMAGED", 1 => null, _ => "SELLABLE" }),
                    // Customer shipments and other event types no detector reads itself.
                    7 => Row(known, random.Next(2) == 0 ? LedgerEventType.Shipments : LedgerEventType.WhseTransfers, $"S{reference}", -random.Next(1, 3), date),
                    _ => Adjustment(known, reference, random.Next(2) == 0 ? "D" : reason, random.Next(4) == 0 ? 1 : -random.Next(1, 3), date),
                });
            }
            if (page % 7 == 6)
            {
                // A page that breaks a condition: a disposal row.
                rows.Add(Adjustment(like, $"D{page}", "D", -1, AsOf.AddDays(-5)));
            }
            if (page % 7 == 3)
            {
                // A page that breaks a condition: a row without an MSKU.
                var bare = Row(like, LedgerEventType.Adjustments, $"B{page}", -1, AsOf.AddDays(-5), reason: "M");
                bare.Msku = null;
                rows.Add(WithId(bare));
            }
            var incremental = s.Service.IncrementalRuns;
            s.Page(rows);
            s.ShouldMatchAFullRun($"page {page}");
            if (s.Service.IncrementalRuns > incremental)
            {
                reruns.UnionWith(s.Service.LastRerun);
            }
        }
        s.Service.IncrementalRuns.Should().BeGreaterThan(10, "pages of known FNSKUs continue the last run");
        s.Service.FullRuns.Should().BeGreaterThan(3, "pages that break a condition run the whole engine");
        reruns.Should().BeEquivalentTo([ClaimType.DisposedWithoutRequest, ClaimType.InboundShortage, ClaimType.ReturnNotRestocked],
            "continued runs ran each detector the rows touch again");
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

        void Expect(bool incremental, string step, IReadOnlyList<DomainRecord> page, DateOnly? asOf = null, ClaimType[]? rerun = null)
        {
            var (before, full) = (s.Service.IncrementalRuns, s.Service.FullRuns);
            s.Page(page);
            s.ShouldMatchAFullRun(step, asOf);
            (s.Service.IncrementalRuns - before).Should().Be(incremental ? 1 : 0, step);
            (s.Service.FullRuns - full).Should().Be(incremental ? 0 : 1, step);
            if (incremental)
            {
                s.Service.LastRerun.Should().Equal(rerun ?? [], $"the detectors run again after {step}");
            }
        }

        Expect(true, "a lost row of a known FNSKU", [Adjustment(like, Reference(), "M", -2, AsOf.AddDays(-20))]);
        Expect(true, "its found row, in lower case", [Adjustment(like, Reference(), "F", 1, AsOf.AddDays(-10), fnsku: like.Fnsku.ToLowerInvariant())]);
        Expect(true, "a new SKU no record but the ledger names (the valuer's SKU map gains it)",
            [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-20), fnsku: "X0NEW00001", sku: "NEW-SKU", asin: "B0NEW00001")]);
        Expect(true, "a second FNSKU of that SKU (its only FNSKU changes, but no record asks for it)",
            [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-20), fnsku: "X0NEW00002", sku: "NEW-SKU", asin: "B0NEW00001")]);
        var catalog = s.Service.LoadInput().Catalog;
        // A SKU a refund names whose finding takes the SKU's only FNSKU: a second FNSKU changes that finding.
        var asked = s.Service.LastComputed!.Where(f => f.Type == ClaimType.RefundNotReturned && f.Fnsku is not null).Select(f => f.Sku)
            .OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var single = ledger.First(e => asked.Contains(e.Msku!) && catalog.FnskuOfSku(e.Msku) is not null);
        Expect(false, "a second FNSKU of a SKU returns or transactions name (its only FNSKU changes)",
            [Adjustment(single, Reference(), "M", -1, AsOf.AddDays(-20), fnsku: "X0NEW00007")]);
        s.Service.LastComputed.Should().Contain(f => f.Fnsku == null && f.Sku == single.Msku, "the SKU's refund findings have no FNSKU now");
        var firstOfSingle = s.Records.All<LedgerEvent>().Where(e => e.Msku == single.Msku).MinBy(e => e.Id, StringComparer.OrdinalIgnoreCase)!;
        Expect(false, "a row that maps that SKU first to another FNSKU while a finding without an FNSKU has the SKU (the valuer's SKU map)",
            [Adjustment(single, Reference(), "M", -1, firstOfSingle.Date.AddDays(-400), fnsku: "X0NEW00007")]);
        Expect(true, "a third FNSKU of that SKU and ASIN", [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-20), fnsku: "X0NEW00003", sku: "NEW-SKU", asin: "B0NEW00001")]);
        Expect(false, "a known FNSKU with another SKU", [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-20), sku: "ANOTHER-SKU")]);
        var sibling = ledger.First(e => e.Marketplace == like.Marketplace && !string.Equals(e.Fnsku, like.Fnsku, StringComparison.OrdinalIgnoreCase)
            && e.Msku != like.Msku && s.Records.All<LedgerEvent>().Count(r => r.Msku == e.Msku) > 0);
        Expect(false, "a known FNSKU with another FNSKU's SKU", [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-2), sku: sibling.Msku)]);
        Expect(false, "a known FNSKU in another marketplace",
            [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-20), marketplace: other.Marketplace)]);
        Expect(false, "a marketplace the account does not have", [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-20), fnsku: "X0NEW00004", sku: "NEW-SKU", marketplace: "JP")]);
        Expect(true, "a disposal (its detector runs again)", [Adjustment(like, Reference(), "D", -1, AsOf.AddDays(-20))],
            rerun: [ClaimType.DisposedWithoutRequest]);
        Expect(true, "a disposal row with units back (not read as a disposal)", [Adjustment(like, Reference(), "D", 1, AsOf.AddDays(-20))]);
        Expect(false, "an Amazon.Found row", [Adjustment(like, Reference(), "F", 1, AsOf.AddDays(-20), sku: "Amazon.Found." + like.Asin)]);
        Expect(true, "a new FNSKU of a new ASIN no Amazon.Found row names",
            [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-20), fnsku: "X0NEW00006", sku: "NEW-SKU", asin: "B0NEW00006")]);
        var foundAsin = s.Records.All<LedgerEvent>().Where(e => CatalogIndex.IsFound(e.Msku)).Select(e => e.Msku![CatalogIndex.FoundPrefix.Length..])
            .First(a => a.Length > 0 && catalog.FnskuCountOfAsin(a) < 2);
        Expect(false, "a new FNSKU of an ASIN an Amazon.Found row names (its only FNSKU changes)",
            [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-20), fnsku: "X0NEW00008", sku: "NEW-SKU", asin: foundAsin)]);
        var (shipments, returned) = Touching(s, ledger);
        var counted = shipments[0];
        var restocked = returned[0];
        Expect(true, "a receipt of a shipment the account does not count", [Row(like, LedgerEventType.Receipts, "FBA15NEW", 3, AsOf.AddDays(-3))]);
        Expect(true, "a receipt of a counted shipment (InboundShortage runs again)", [Row(like, LedgerEventType.Receipts, counted.ToLowerInvariant(), 3, AsOf.AddDays(-3))],
            rerun: [ClaimType.InboundShortage]);
        var carrier = Reference();
        Expect(true, "a carrier-damaged receipt (its ledger-loss group continued)",
            [Row(like, LedgerEventType.Receipts, carrier, 2, AsOf.AddDays(-3), "CARRIER_DAMAGED")]);
        s.Service.LastComputed.Should().Contain(f => f.Type == ClaimType.InboundCarrierDamaged && f.ShipmentId == carrier);
        Expect(true, "a restock of an FNSKU with sellable returns (ReturnNotRestocked runs again)",
            [Row(restocked, LedgerEventType.CustomerReturns, "111-0000001-0000001", 1, AsOf.AddDays(-3))], rerun: [ClaimType.ReturnNotRestocked]);
        Expect(true, "a restock without a disposition", [Row(restocked, LedgerEventType.CustomerReturns, "111-0000001-0000002", 1, AsOf.AddDays(-3), null)],
            rerun: [ClaimType.ReturnNotRestocked]);
        Expect(true, "a damaged customer return of that FNSKU (not a restock)",
            [Row(restocked, LedgerEventType.CustomerReturns, "111-0000001-0000003", 1, AsOf.AddDays(-3), "CUSTOMER_DAMAGED")]);
        Expect(true, "a customer shipment", [Row(like, LedgerEventType.Shipments, "111-0000001-0000004", -1, AsOf.AddDays(-3))]);
        Expect(true, "all of these on one page",
        [
            Adjustment(like, Reference(), "D", -2, AsOf.AddDays(-20)), Row(like, LedgerEventType.Receipts, counted, 1, AsOf.AddDays(-2)),
            Row(restocked, LedgerEventType.CustomerReturns, "111-0000001-0000005", 1, AsOf.AddDays(-3)), Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-9)),
        ], rerun: [ClaimType.InboundShortage, ClaimType.DisposedWithoutRequest, ClaimType.ReturnNotRestocked]);
        var bare = Row(like, LedgerEventType.Receipts, "FBA15BARE", 3, AsOf.AddDays(-3));
        bare.Msku = null;
        Expect(false, "a row without an MSKU", [WithId(bare)]);
        Expect(false, "a reimbursement", [WithId(new Reimbursement
        {
            ReimbursementId = "R-INCREMENTAL", Fnsku = like.Fnsku, Sku = like.Msku, Reason = "Lost_Warehouse", Currency = "USD", QuantityReimbursedCash = 1,
            AmountPerUnit = 3m, AmountTotal = 3m, ApprovalDate = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), Marketplace = "US",
        })]);
        Expect(true, "a lost row again", [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-30))]);
        var firstOfSku = s.Records.All<LedgerEvent>().Where(e => e.Msku == "NEW-SKU").MinBy(e => e.Id, StringComparer.OrdinalIgnoreCase)!;
        Expect(true, "a row of another FNSKU that is its MSKU's first now (no finding's value goes through the SKU map)",
            [Adjustment(like, Reference(), "M", -1, firstOfSku.Date.AddDays(-400), fnsku: "X0NEW00005", sku: "NEW-SKU", asin: "B0NEW00001")]);
        Expect(false, "a stored row again, changed (not a new row)", [Merge(s, like)]);
        Expect(false, "another day", [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-30))], AsOf.AddDays(1));
        Expect(true, "the same day again", [Adjustment(like, Reference(), "M", -1, AsOf.AddDays(-31))], AsOf.AddDays(1));
    }

    [Fact]
    public void ARowThatMapsASkuAnewChangesTheValueOfAFindingWithoutAnFnskuAsAFullRunDoes()
    {
        using var s = Account("valuer", out var ledger);
        var like = ledger.First(e => e.Marketplace == "US");
        // A SKU with two FNSKUs (so a return of it without an FNSKU has none), the first ledger row naming it of X0MAPA.
        s.Page([Adjustment(like, "MAP1", "P", 1, new DateOnly(2026, 6, 1), fnsku: "X0MAPA", sku: "MAP-SKU", asin: "B0MAPA"),
            Adjustment(like, "MAP2", "P", 1, new DateOnly(2026, 6, 2), fnsku: "X0MAPB", sku: "MAP-SKU", asin: "B0MAPB")]);
        s.ShouldMatchAFullRun("two FNSKUs of a SKU");
        // X0MAPB was last reimbursed at 7.00; a damaged return of the SKU, with no FNSKU, in an order of US.
        s.Page([WithId(new Reimbursement
        {
            ReimbursementId = "R-MAP", Fnsku = "X0MAPB", Reason = "Lost_Warehouse", Currency = "USD", QuantityReimbursedCash = 1, AmountPerUnit = 7m,
            AmountTotal = 7m, ApprovalDate = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), Marketplace = "US", AmazonOrderId = "111-0000000-0000MAP",
        }), WithId(new CustomerReturn
        {
            ReturnDate = new DateTimeOffset(2026, 10, 20, 0, 0, 0, TimeSpan.Zero), OrderId = "111-0000000-0000MAP", Sku = "MAP-SKU", Quantity = 1,
            DetailedDisposition = "DAMAGED", LicensePlateNumber = "LPNMAP",
        })]);
        s.ShouldMatchAFullRun("a reimbursement and a return");
        var before = s.Service.LastComputed!.Single(f => f.OrderId == "111-0000000-0000MAP");
        before.Fnsku.Should().BeNull();
        before.Amount.Should().BeNull("the SKU's FNSKU in the valuer's map (X0MAPA, its first ledger row) was never reimbursed");

        // An earlier row of X0MAPB maps the SKU to it first: the finding is now worth X0MAPB's last reimbursement.
        var full = s.Service.FullRuns;
        s.Page([Adjustment(like, "MAP0", "P", 1, new DateOnly(2025, 1, 1), fnsku: "X0MAPB", sku: "MAP-SKU", asin: "B0MAPB")]);
        s.ShouldMatchAFullRun("an earlier row of the second FNSKU");
        s.Service.FullRuns.Should().Be(full + 1, "a finding's value goes through the SKU that row maps anew");
        s.Service.LastComputed!.Single(f => f.OrderId == "111-0000000-0000MAP").Amount.Should().Be(7m);
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
