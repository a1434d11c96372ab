using Refully.Companion.Detection.Detectors;
using Refully.Companion.Detection.Indexes;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection;

/// <summary>A detection run's input, findings and what it used, at a generation of the cached records (<see cref="DetectionService"/>).</summary>
internal sealed record DetectionRun(long Generation, DetectionInput Input, IReadOnlyList<Finding> Findings, Valuer Valuer,
    IReadOnlyDictionary<string, DateOnly> Dates);

/// <summary>
/// Detection after a page added ledger rows, at a cost proportional to those rows: the previous run's findings are
/// kept except those of the ledger-loss groups (FNSKU + pool) the new rows join, which are allocated again from the
/// groups the previous run kept; the shared indexes are the previous ones with the new rows noted. It answers only
/// when the result is provably the full run's (<see cref="TryContinue"/> lists the conditions), else null and the
/// caller runs the engine in full. DetectionCacheTests and IncrementalDetectionTests compare it with full runs.
/// </summary>
internal static class IncrementalDetection
{

    /// <summary>
    /// Detectors that read no ledger Adjustments row (directly or through <see cref="DetectionInput.LedgerRows"/>); they
    /// read the ledger's shared indexes only, whose answers about existing records the new rows must leave as they were.
    /// </summary>
    private static readonly HashSet<Type> ReadNoAdjustments =
    [
        typeof(InboundShortageDetector), typeof(RefundNotReturnedDetector), typeof(ReturnDamagedNotReimbursedDetector),
        typeof(RemovalShortageDetector), typeof(ReimbursedBelowCostDetector), typeof(FeeOverchargeDetector),
        typeof(ReturnNotRestockedDetector), typeof(WrongItemReturnedDetector), typeof(RefundExceedsChargeDetector),
    ];

    /// <summary>
    /// The findings of a full run over <paramref name="lists"/> (the cached lists at <paramref name="generation"/>: those of
    /// <paramref name="previous"/> with <paramref name="stored"/> written into them), and the state to continue from; or
    /// null when not every condition holds:
    /// <list type="bullet">
    /// <item>every record stored is a new ledger Adjustments row (none replaces one) with an FNSKU, an MSKU that is not
    /// Amazon.Found, and a marketplace of its own that the input already has;</item>
    /// <item>none is a disposal (D/G), and every detector is a ledger-loss rule, the disposal rule or one that reads no
    /// Adjustments rows;</item>
    /// <item>the rows change no answer about records already there: an FNSKU some record names keeps its SKU, ASIN and
    /// marketplace answer; a new FNSKU's SKU already has two or more FNSKUs (so no SKU's only FNSKU changes), and so has its
    /// ASIN when the ledger has Amazon.Found rows; an MSKU is already mapped to an FNSKU by an earlier row (or to the same FNSKU);</item>
    /// <item>each marketplace's date is the previous run's, and no two findings share an id.</item>
    /// </list>
    /// </summary>
    public static (IReadOnlyList<Finding> Findings, DetectionRun Next)? TryContinue(DetectionEngine engine, DetectionRun previous, DetectionInput lists,
        IReadOnlyList<DomainRecord> stored, Func<string, DateOnly> asOf, long generation)
    {
        var before = previous.Input;
        if (stored.Count == 0 || !SameOtherLists(before, lists) || lists.Ledger.Count != before.Ledger.Count + stored.Count)
        {
            return null;
        }
        var added = new List<LedgerEvent>(stored.Count);
        foreach (var record in stored)
        {
            if (record is not LedgerEvent { EventType: LedgerEventType.Adjustments } e || string.IsNullOrEmpty(e.Fnsku) || e.Msku is null
                || CatalogIndex.IsFound(e.Msku) || Text.Code(e.Reason) is "D" or "G")
            {
                return null;
            }
            added.Add(e);
        }
        added.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Id, b.Id));
        for (var i = 0; i < added.Count; i++)
        {
            if ((i > 0 && StringComparer.OrdinalIgnoreCase.Equals(added[i - 1].Id, added[i].Id)) || RecordCache.Find(before.Ledger, added[i].Id) >= 0)
            {
                return null; // a row replaced, or the same id twice
            }
        }

        // Detectors: ledger-loss rules are continued (those over Adjustments), the others must not read these rows.
        var rules = new List<(LedgerLossRule Rule, Confidence Confidence, LedgerLosses.Groups Groups)>();
        var types = new HashSet<ClaimType>();
        foreach (var detector in engine.Detectors)
        {
            if (!types.Add(detector.Type))
            {
                return null;
            }
            if (detector is ILedgerLossDetector { Rule: var rule })
            {
                if (!before.Worked.TryGetValue(rule.Type, out var worked) || worked is not LedgerLosses.Groups groups || rule.Type != detector.Type)
                {
                    return null;
                }
                if (rule.Scans == LedgerEventType.Adjustments)
                {
                    rules.Add((rule, detector.Confidence, groups));
                }
            }
            else if (detector is not DisposedWithoutRequestDetector && !ReadNoAdjustments.Contains(detector.GetType()))
            {
                return null;
            }
        }

        // The new rows must leave every answer of the shared indexes about the records already there as it was.
        var (ledger, reimbursed, refunds) = before.Indexes;
        var catalog = ledger.Catalog;
        var places = ledger.Marketplaces;
        var named = ledger.NamedFnskus;
        foreach (var e in added)
        {
            var marketplace = MarketplaceResolver.Of(e);
            if (marketplace is null || !places.Seen(marketplace))
            {
                return null;
            }
            var ofFnsku = places.OfFnsku(e.Fnsku);
            var sku = e.Msku is { Length: > 0 } msku && !CatalogIndex.IsFound(msku) ? msku : null;
            var asin = string.IsNullOrEmpty(e.Asin) ? null : e.Asin;
            if (named.Contains(e.Fnsku))
            {
                // Known FNSKU: the same first SKU and ASIN, and the same marketplace answer.
                if ((sku is not null && !string.Equals(catalog.SkuOf(e.Fnsku), sku, StringComparison.Ordinal))
                    || (asin is not null && !string.Equals(catalog.AsinOf(e.Fnsku), asin, StringComparison.Ordinal))
                    || Only(ofFnsku, null) != Only(ofFnsku, marketplace))
                {
                    return null;
                }
            }
            else if ((sku is not null && catalog.FnskuCountOfSku(sku) < 2) || (asin is not null && ledger.HasFoundRows && catalog.FnskuCountOfAsin(asin) < 2))
            {
                return null; // a new FNSKU would change a SKU's (or, for Amazon.Found rows, an ASIN's) only FNSKU
            }
            if (!ledger.FnskuByMsku.TryGetValue(e.Msku!, out var mapped)
                || !(string.Equals(mapped, e.Fnsku, StringComparison.Ordinal) || StringComparer.OrdinalIgnoreCase.Compare(e.Id, ledger.FirstIdByMsku[e.Msku!]) > 0))
            {
                return null; // a new MSKU, or a row that would be its first
            }
        }
        var dates = new Dictionary<string, DateOnly>(previous.Dates, StringComparer.Ordinal);
        foreach (var (marketplace, date) in previous.Dates)
        {
            if (asOf(marketplace) != date)
            {
                return null;
            }
        }

        // The indexes with the rows noted (copies: the previous input stays as it was).
        var nextCatalog = catalog.Copy();
        var nextPlaces = places.Copy();
        var nextNamed = new HashSet<string>(named, StringComparer.OrdinalIgnoreCase);
        foreach (var e in added)
        {
            nextCatalog.NoteLedgerRow(e.Fnsku, e.Msku, e.Asin);
            nextPlaces.NoteLedgerRow(e.Fnsku, MarketplaceResolver.Of(e)!);
            nextNamed.Add(e.Fnsku);
        }
        var input = new DetectionInput(lists, new LedgerIndex(ledger, lists.Ledger, added, nextCatalog, nextPlaces, nextNamed), reimbursed, refunds);
        foreach (var (type, worked) in before.Worked)
        {
            input.Worked[type] = worked; // rules over other event types keep their groups; the continued ones are replaced below
        }

        var candidates = new List<(Candidate, Confidence)>();
        var replaced = new Dictionary<ClaimType, HashSet<(string Fnsku, string Pool)>>();
        foreach (var (rule, confidence, groups) in rules)
        {
            var found = new List<Candidate>();
            var (next, touched) = LedgerLosses.Continue(input, rule, groups, added, found);
            input.Worked[rule.Type] = next;
            replaced[rule.Type] = touched;
            candidates.AddRange(found.Select(c => (c, confidence)));
        }
        var fresh = engine.Evaluate(candidates, previous.Valuer, dates, asOf);

        var findings = new List<Finding>(previous.Findings.Count + fresh.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in previous.Findings)
        {
            if (replaced.TryGetValue(finding.Type, out var touched) && finding.Fnsku is { } fnsku
                && touched.Contains((Text.Upper(fnsku), nextPlaces.Pool(finding.Marketplace))))
            {
                continue;
            }
            findings.Add(finding);
            ids.Add(finding.Id);
        }
        foreach (var finding in fresh)
        {
            if (!ids.Add(finding.Id))
            {
                return null; // a full run would keep only the last of a repeated id
            }
            findings.Add(finding);
        }
        var ordered = DetectionEngine.Order(findings.ToArray());
        return (ordered, new DetectionRun(generation, input, ordered, previous.Valuer, dates));
    }

    /// <summary>An FNSKU's marketplace answer (its only marketplace, else none) with <paramref name="adding"/> noted too.</summary>
    private static string? Only(IReadOnlySet<string>? set, string? adding)
    {
        if (adding is null || set?.Contains(adding) == true)
        {
            return set is { Count: 1 } ? set.First() : null;
        }
        return set is null or { Count: 0 } ? adding : null;
    }

    private static bool SameOtherLists(DetectionInput a, DetectionInput b) =>
        ReferenceEquals(a.Reimbursements, b.Reimbursements) && ReferenceEquals(a.Returns, b.Returns) && ReferenceEquals(a.Replacements, b.Replacements)
        && ReferenceEquals(a.Transactions, b.Transactions) && ReferenceEquals(a.InboundShipments, b.InboundShipments)
        && ReferenceEquals(a.InboundItems, b.InboundItems) && ReferenceEquals(a.Removals, b.Removals) && ReferenceEquals(a.Fees, b.Fees)
        && ReferenceEquals(a.Costs, b.Costs);

}
