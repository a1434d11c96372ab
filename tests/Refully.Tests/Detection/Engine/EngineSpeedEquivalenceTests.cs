using Refully.Companion.Detection;
using Refully.Companion.Detection.Indexes;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Domain.Records;
using Refully.Tests.Detection.Detectors;

namespace Refully.Tests.Detection.Engine;

/// <summary>
/// The speed work of docs/detection.md "Performance" must not change a result: chunked parallel evaluation, the shared
/// ledger pass and the explanation written in one buffer are checked here against the simple forms they replace.
/// </summary>
public sealed class EngineSpeedEquivalenceTests
{
    private static readonly DateOnly AsOf = new(2026, 10, 15);

    [Fact]
    public void ManyCandidatesAcrossChunksAndDetectorsKeepTheLastOfARepeatedKeyAndOneOrder()
    {
        // 2,600 candidates per detector (chunks of 1,024), every 7th repeating an earlier key with other units, and the
        // same keys in a second detector of the same type: the one evaluated last (second detector, later candidate) wins.
        Candidate[] Make(int offset) => Enumerable.Range(0, 2_600).Select(i => StubDetector.Candidate(
            key: $"k{(i % 7 == 6 ? i - 3 : i)}", units: 1 + (i + offset) % 5, reference: new DateOnly(2026, 7, 1).AddDays(i % 90),
            note: i % 3 == 0 ? "Check it." : null)).ToArray();
        var first = Make(0);
        var second = Make(1)[..1_500];
        var engine = new DetectionEngine(PolicyTable.Defaults(),
        [
            new StubDetector(ClaimType.LostWarehouse, Confidence.High, first),
            new StubDetector(ClaimType.LostWarehouse, Confidence.High, second),
        ]);

        var findings = engine.Run(new DetectionInput(), AsOf);

        // Expected: one at a time, the same way (last wins), then deadline, type, id.
        var expected = new Dictionary<string, (Candidate C, int Units)>();
        foreach (var c in first.Concat(second))
        {
            expected[DetectionEngine.StableId(c)] = (c, c.Units);
        }
        findings.Select(f => f.Id).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(expected.Keys);
        findings.Should().AllSatisfy(f => f.Units.Should().Be(expected[f.Id].Units));
        findings.Should().BeInAscendingOrder(f => f.Deadline);
        for (var i = 1; i < findings.Count; i++)
        {
            if (findings[i - 1].Deadline == findings[i].Deadline && findings[i - 1].Type == findings[i].Type)
            {
                string.CompareOrdinal(findings[i - 1].Id, findings[i].Id).Should().BeNegative();
            }
        }
        // Run again: the same findings in the same order (parallel evaluation is deterministic).
        engine.Run(new DetectionInput(), AsOf).Should().Equal(findings, (a, b) => a.Id == b.Id && a.Units == b.Units && a.Explanation == b.Explanation);
    }

    [Fact]
    public void TheExplanationEndsWithTheValuersOwnSentence()
    {
        var input = new DetectionInput
        {
            Costs = [new UnitCost { Id = "u1#1", Sku = "SKU-1", Fnsku = "X00AAA0001", Cost = 4.5m, Currency = "USD" }],
        };
        var candidates = new[]
        {
            StubDetector.Candidate(key: "cost", units: 3),
            StubDetector.Candidate(ClaimType.RefundNotReturned, key: "refund", units: 2, refunded: 12.345m, note: "Check the order."),
            StubDetector.Candidate(ClaimType.ReimbursedBelowCost, key: "short", units: 1, fixedAmount: 1.005m, currency: "USD"),
            StubDetector.Candidate(ClaimType.FeeOvercharge, key: "fee"),
            StubDetector.Candidate(key: "unknown", fnsku: "X00ZZZ9999", sku: "SKU-9"),
            StubDetector.Candidate(key: "jp", marketplace: "JP", fnsku: "X00AAA0001", sku: "SKU-1"),
        };
        var valuer = new Valuer(input);

        foreach (var candidate in candidates)
        {
            var finding = new DetectionEngine(PolicyTable.Defaults(), [new StubDetector(candidate.Type, Confidence.High, candidate)])
                .Run(input, AsOf).Single();
            var value = valuer.Value(candidate);

            finding.Explanation.Should().EndWith("; " + value.Explanation + ".");
            finding.Explanation.Should().StartWith(candidate.Facts.TrimEnd('.'));
            finding.Amount.Should().Be(value.Amount);
            finding.Currency.Should().Be(value.Currency);
        }
    }

    [Fact]
    public void TheSharedLedgerPassBuildsTheSameCatalogAndMarketplacesAsTheirOwnConstructors()
    {
        // Mixed-case FNSKUs, an Amazon.Found MSKU, rows without a country, a second marketplace and SKU for one FNSKU.
        var ledger = new List<LedgerEvent>
        {
            Rec.Adj("2026-01-01", "M", -1, "t1", fnsku: "X001", msku: "SKU-1", asin: "B01"),
            Rec.Adj("2026-01-02", "F", 1, "t2", fnsku: "x001", msku: "SKU-1", asin: "B01", country: null),
            Rec.Adj("2026-01-03", "F", 1, "t3", fnsku: "X009", msku: "Amazon.Found.B01", asin: "B01"),
            Rec.Adj("2026-01-04", "E", -2, "t4", fnsku: "X002", msku: "SKU-2", asin: "B02", country: "CA"),
            Rec.Adj("2026-01-05", "E", -1, "t5", fnsku: "X002", msku: "SKU-2b", asin: "B02", country: "US"),
            Rec.Adj("2026-01-06", "D", -1, "t6", fnsku: "X003", msku: null, asin: null, country: null),
            Rec.Receipt("2026-01-07", "FBA1", 5, fnsku: "X003"),
            Rec.Restock("2026-01-08", "111-1", 1, fnsku: "X001"),
            Rec.Ledger("2026-01-09", LedgerEventType.Shipments, -1, "111-2", "X002", "US", "SKU-2", "B02", "SELLABLE", null),
        };
        var reimbursements = new List<Reimbursement>
        {
            new() { Id = "r1#1", ReimbursementId = "1", Fnsku = "X004", Sku = "SKU-4", Asin = "B04", Marketplace = "UK", Currency = "GBP", Reason = "Lost_Warehouse" },
        };
        var input = new DetectionInput { Ledger = ledger, Reimbursements = reimbursements };
        var catalog = new CatalogIndex(input);
        var places = new MarketplaceResolver(input);

        foreach (var key in new[] { "X001", "x001", "X002", "X003", "X004", "X009", "X404", "SKU-1", "SKU-2", "SKU-2b", "SKU-4" })
        {
            input.Catalog.SkuOf(key).Should().Be(catalog.SkuOf(key), key);
            input.Catalog.AsinOf(key).Should().Be(catalog.AsinOf(key), key);
            input.Catalog.FnskuOfSku(key).Should().Be(catalog.FnskuOfSku(key), key);
            input.Marketplaces.ForFnsku(key).Should().Be(places.ForFnsku(key), key);
        }
        foreach (var e in ledger)
        {
            input.Catalog.FnskuOf(e).Should().Be(catalog.FnskuOf(e));
            input.Marketplaces.For(e).Should().Be(places.For(e));
        }
        input.Marketplaces.Pool(MarketplaceResolver.Unknown).Should().Be(places.Pool(MarketplaceResolver.Unknown));
    }
}
