using Refully.Companion.Detection.Detectors;
using Refully.Companion.Detection.Indexes;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection;

/// <summary>A detection run's input, findings and what it used, at a generation of the cached records (<see cref="DetectionService"/>).</summary>
internal sealed record DetectionRun(long Generation, DetectionInput Input, IReadOnlyList<Finding> Findings, Valuer Valuer,
    IReadOnlyDictionary<string, DateOnly> Dates)
{
    /// <summary>
    /// Every SKU (any case, as written and trimmed) that fee estimates, transactions or returns name: the only SKUs a
    /// detector asks the catalog for its only FNSKU (<see cref="CatalogIndex.FnskuOfSku"/>). Worked out on first use and
    /// handed on to the runs continued from this one (over the same lists of those types).
    /// </summary>
    public Lazy<HashSet<string>> AskedSkus { get; init; } = new(() => SkusAsked(Input));

    private static HashSet<string> SkusAsked(DetectionInput input)
    {
        var skus = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(string? sku)
        {
            if (sku is not null)
            {
                skus.Add(sku);
                skus.Add(sku.Trim());
            }
        }
        foreach (var f in input.Fees)
        {
            Add(f.Sku);
        }
        foreach (var t in input.Transactions)
        {
            Add(t.Sku);
        }
        foreach (var r in input.Returns)
        {
            Add(r.Sku);
        }
        return skus;
    }
}

/// <summary>
/// Detection after a page added ledger rows, at a cost proportional to those rows: the previous run's findings are
/// kept except (a) those of the ledger-loss groups (FNSKU + pool) the new rows join, which are allocated again from the
/// groups the previous run kept, and (b) those of a detector that reads the new rows themselves in a way that can change
/// its answer (a disposal, a receipt of a closed or receiving shipment, a restocked customer return of an FNSKU with
/// sellable returns), which runs again in full over the new input; the shared indexes are the previous ones with the new
/// rows noted. It answers only when the result is provably the full run's (<see cref="TryContinue"/> lists the
/// conditions), else null and the caller runs the engine in full. DetectionCacheTests and IncrementalDetectionTests
/// compare it with full runs.
/// </summary>
internal static class IncrementalDetection
{
    /// <summary>
    /// Detectors that are not ledger-loss rules, with when the added ledger rows (of any event type) can change what they
    /// find: each reads ledger rows of one event type itself (or none), and otherwise only the shared indexes, whose
    /// answers about the records already there the rows must leave as they were (checked in <see cref="TryContinue"/>).
    /// A detector whose rows are touched runs again in full; one not listed here makes the engine run in full.
    /// </summary>
    private static readonly Dictionary<Type, Func<DetectionInput, IReadOnlyList<LedgerEvent>, bool>> Touches = new()
    {
        // Adjustments D/G with Quantity < 0 (DisposedWithoutRequestDetector.Disposals).
        [typeof(DisposedWithoutRequestDetector)] = (_, added) =>
            added.Any(e => e.EventType == LedgerEventType.Adjustments && e.Quantity < 0 && Text.Code(e.Reason) is "D" or "G"),
        // Receipts whose Reference ID is a CLOSED/RECEIVING shipment (InboundShortageDetector.ReceiptsByShipment).
        [typeof(InboundShortageDetector)] = (input, added) =>
            added.Any(e => e.EventType == LedgerEventType.Receipts && e.ReferenceId is not null)
            && InboundShortageDetector.CountedShipments(input) is var shipments
            && added.Any(e => e.EventType == LedgerEventType.Receipts && e.ReferenceId is not null && shipments.Contains(e.ReferenceId)),
        // Restocks (CustomerReturns, Quantity > 0, SELLABLE or no disposition) of an FNSKU with sellable returns.
        [typeof(ReturnNotRestockedDetector)] = (input, added) =>
            added.Any(ReturnNotRestockedDetector.IsRestock)
            && ReturnNotRestockedDetector.SellableFnskus(input) is var fnskus
            && added.Any(e => ReturnNotRestockedDetector.IsRestock(e) && fnskus.Contains(input.Catalog.FnskuOf(e))),
        [typeof(RefundNotReturnedDetector)] = (_, _) => false,
        [typeof(ReturnDamagedNotReimbursedDetector)] = (_, _) => false,
        [typeof(RemovalShortageDetector)] = (_, _) => false,
        [typeof(ReimbursedBelowCostDetector)] = (_, _) => false,
        [typeof(FeeOverchargeDetector)] = (_, _) => false,
        [typeof(WrongItemReturnedDetector)] = (_, _) => false,
        [typeof(RefundExceedsChargeDetector)] = (_, _) => false,
    };

    /// <summary>
    /// The findings of a full run over <paramref name="lists"/> (the cached lists at <paramref name="generation"/>: those of
    /// <paramref name="previous"/> with <paramref name="stored"/> written into them), the state to continue from, and the
    /// detectors that ran again in full; or null when not every condition holds:
    /// <list type="bullet">
    /// <item>every record stored is a new ledger row (none replaces one; any event type) with an FNSKU, an MSKU that is not
    /// Amazon.Found, and a marketplace of its own that the input already has;</item>
    /// <item>every detector is a ledger-loss rule (continued per group) or one <see cref="Touches"/> knows (run again when
    /// the rows touch what it reads, else its findings kept), and each proposes findings of its own type only;</item>
    /// <item>the rows change no answer about records already there: an FNSKU some record names keeps its SKU, ASIN and
    /// marketplace answer; a new FNSKU's SKU already has two or more FNSKUs or is one no fee estimate, transaction or return
    /// names (so no SKU's only FNSKU a detector asks for changes), and its ASIN two or more or none an Amazon.Found row names; no finding without an FNSKU has the SKU of an MSKU the rows now map
    /// first to another FNSKU (the valuer's SKU map; a new valuer is made when any MSKU is mapped anew);</item>
    /// <item>each marketplace's date is the previous run's, and no two findings share an id.</item>
    /// </list>
    /// </summary>
    public static (IReadOnlyList<Finding> Findings, DetectionRun Next, IReadOnlyList<ClaimType> Rerun)? TryContinue(DetectionEngine engine,
        DetectionRun previous, DetectionInput lists, IReadOnlyList<DomainRecord> stored, Func<string, DateOnly> asOf, long generation)
    {
        var before = previous.Input;
        if (stored.Count == 0 || !SameOtherLists(before, lists) || lists.Ledger.Count != before.Ledger.Count + stored.Count)
        {
            return null;
        }
        var added = new List<LedgerEvent>(stored.Count);
        foreach (var record in stored)
        {
            if (record is not LedgerEvent e || string.IsNullOrEmpty(e.Fnsku) || e.Msku is null || CatalogIndex.IsFound(e.Msku))
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

        // Detectors: ledger-loss rules are continued per group; the others must be known (run again when the rows touch them).
        var rules = new List<(LedgerLossRule Rule, Confidence Confidence, LedgerLosses.Groups Groups)>();
        var others = new List<(IDetector Detector, Func<DetectionInput, IReadOnlyList<LedgerEvent>, bool> Touched)>();
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
                rules.Add((rule, detector.Confidence, groups));
            }
            else if (Touches.TryGetValue(detector.GetType(), out var touched))
            {
                others.Add((detector, touched));
            }
            else
            {
                return null; // an unknown detector could read anything
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
            else if ((sku is not null && catalog.FnskuCountOfSku(sku) < 2 && previous.AskedSkus.Value.Contains(sku))
                     || (asin is not null && catalog.FnskuCountOfAsin(asin) < 2 && ledger.FoundAsins.Contains(asin)))
            {
                return null; // a new FNSKU would change the only FNSKU of a SKU some record asks about, or of an ASIN Amazon.Found rows name
            }
        }

        // MSKUs the rows map to an FNSKU first (a new MSKU, or a row before its first): the valuer's SKU map changes for them,
        // which changes only the value of a finding with no FNSKU and that SKU (Valuer.Appraise); the others keep theirs.
        var mapped = new Dictionary<string, (string Fnsku, string Id)>(StringComparer.Ordinal);
        foreach (var e in added) // in id (ledger) order: the first added row of an MSKU is the one that can map it
        {
            if (!mapped.ContainsKey(e.Msku!) && (!ledger.FirstIdByMsku.TryGetValue(e.Msku!, out var first) || StringComparer.OrdinalIgnoreCase.Compare(e.Id, first) < 0))
            {
                mapped[e.Msku!] = (e.Fnsku, e.Id);
            }
        }
        var valuer = previous.Valuer;
        if (mapped.Count > 0)
        {
            foreach (var finding in previous.Findings)
            {
                if (finding.Fnsku is null && finding.Sku is { } sku && mapped.TryGetValue(sku, out var now)
                    && !string.Equals(ledger.FnskuByMsku.GetValueOrDefault(sku), now.Fnsku, StringComparison.Ordinal))
                {
                    return null; // its value went through the SKU map, which now answers otherwise
                }
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
        var input = new DetectionInput(lists, new LedgerIndex(ledger, lists.Ledger, added, nextCatalog, nextPlaces, nextNamed, mapped), reimbursed, refunds);
        if (mapped.Count > 0)
        {
            valuer = new Valuer(input); // its SKU map over the new ledger (its other maps read no ledger row)
        }
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
            if (touched.Count > 0)
            {
                replaced[rule.Type] = touched;
            }
            candidates.AddRange(found.Select(c => (c, confidence)));
        }
        // Detectors the rows touch run again in full (over the new input, whose indexes answer as a full run's would).
        var rerun = new HashSet<ClaimType>();
        foreach (var (detector, touched) in others)
        {
            if (!touched(input, added))
            {
                continue;
            }
            rerun.Add(detector.Type);
            foreach (var candidate in detector.Detect(input))
            {
                if (candidate.Type != detector.Type)
                {
                    return null; // its earlier findings would not all be of its type
                }
                candidates.Add((candidate, detector.Confidence));
            }
        }
        var fresh = engine.Evaluate(candidates, valuer, dates, asOf);

        // The previous findings (in the run's order) less those replaced, then the fresh ones merged into their places.
        var freshIds = new HashSet<string>(fresh.Count, StringComparer.Ordinal);
        foreach (var finding in fresh)
        {
            if (!freshIds.Add(finding.Id))
            {
                return null; // a full run would keep only the last of a repeated id
            }
        }
        var touchedFnskus = new HashSet<string>(replaced.Values.SelectMany(t => t.Select(k => k.Fnsku)), StringComparer.OrdinalIgnoreCase);
        var kept = new List<Finding>(previous.Findings.Count);
        foreach (var finding in previous.Findings)
        {
            if (rerun.Contains(finding.Type)
                || (finding.Fnsku is { } fnsku && touchedFnskus.Contains(fnsku) && replaced.TryGetValue(finding.Type, out var touched)
                    && touched.Contains((Text.Upper(fnsku), nextPlaces.Pool(finding.Marketplace)))))
            {
                continue;
            }
            if (freshIds.Count > 0 && freshIds.Contains(finding.Id))
            {
                return null; // the same id kept and found again: a full run would keep only the last
            }
            kept.Add(finding);
        }
        var ordered = DetectionEngine.Merge(kept, fresh.ToArray());
        return (ordered, new DetectionRun(generation, input, ordered, valuer, dates) { AskedSkus = previous.AskedSkus }, rerun.Order().ToList());
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
