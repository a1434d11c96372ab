using System.Runtime.CompilerServices;
using Refully.Companion.Detection.Allocation;
using Refully.Companion.Detection.Indexes;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Detectors;

/// <summary>What makes a ledger row a loss of one claim type, and what offsets it (both among the rows of event type <c>Scans</c>).</summary>
internal sealed record LedgerLossRule(
    ClaimType Type,
    Func<LedgerEvent, bool> IsLoss,
    Func<LedgerEvent, bool> IsFound,
    string[] ReimbursementReasons,
    string Verb,
    bool KeyedByShipment = false,
    string? Note = null,
    LedgerEventType Scans = LedgerEventType.Adjustments);

/// <summary>A detector that is the ledger-loss rule (<see cref="LedgerLosses"/>) with its own <see cref="LedgerLossRule"/>.</summary>
internal interface ILedgerLossDetector
{
    LedgerLossRule Rule { get; }
}

/// <summary>
/// The ledger-loss rule LostWarehouse, DamagedWarehouse and InboundCarrierDamaged share: loss rows are allocated
/// per FNSKU (Amazon.Found rows count under the ASIN's FNSKU) and currency pool, FIFO (claims.md §1), against
/// found rows of the same FNSKU and the effective units of the FNSKU's reimbursements of the given reasons;
/// found rows go first among offsets of the same day. Loss units are |Quantity|. The candidate key is the row's
/// Reference ID (the transaction item id, or the shipment id for receipts) + FNSKU; rows sharing a key (identical
/// rows of one download) make one candidate with their owed units summed, dated by the earliest of them.
/// </summary>
internal static class LedgerLosses
{
    /// <summary>The loss rows of one FNSKU (upper case) and pool, in ledger order.</summary>
    internal sealed class Group((string Fnsku, string Pool) key, string fnsku)
    {
        public (string Fnsku, string Pool) Key { get; } = key;

        /// <summary>The FNSKU as the first loss row of the group spells it.</summary>
        public string Fnsku { get; } = fnsku;

        public List<((LedgerEvent Row, string Marketplace) Loss, DateOnly Date, int Units)> Losses { get; } = [];
    }

    /// <summary>What <see cref="Collect"/> found in a run: the loss groups and the found rows, by FNSKU (upper case) and pool.</summary>
    internal sealed record Groups(
        Dictionary<(string Fnsku, string Pool), Group> Losses,
        Dictionary<(string Fnsku, string Pool), List<(object Offset, DateOnly Date, int Units)>> Found);

    public static IEnumerable<Candidate> Detect(DetectionInput input, LedgerLossRule rule)
    {
        var (ordered, found, groups) = Collect(input, rule);
        input.Worked[rule.Type] = new Groups(groups, found); // for an incremental run to continue from
        var work = new Work();
        var candidates = new List<Candidate>();
        foreach (var group in ordered)
        {
            candidates.Clear();
            Allocate(input, rule, group, found, work, candidates);
            foreach (var candidate in candidates)
            {
                yield return candidate;
            }
        }
    }

    /// <summary>Lists reused from one group to the next.</summary>
    private sealed class Work
    {
        public List<(object Offset, DateOnly Date, int Units)> Offsets { get; } = [];
        public Dictionary<(string Ref, string Marketplace), List<LossSlot<(LedgerEvent Row, string Marketplace), object>>> ByReference { get; } = [];
        public List<List<LossSlot<(LedgerEvent Row, string Marketplace), object>>> References { get; } = [];

        /// <summary>Every list References has held so far: the n-th reference of a group takes the n-th.</summary>
        public List<List<LossSlot<(LedgerEvent Row, string Marketplace), object>>> Spare { get; } = [];
    }

    // The loops below run once per detection over many rows: optimised at once rather than after a slow first tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (List<Group> Ordered, Dictionary<(string Fnsku, string Pool), List<(object Offset, DateOnly Date, int Units)>> Found,
        Dictionary<(string Fnsku, string Pool), Group> Groups) Collect(DetectionInput input, LedgerLossRule rule)
    {
        var catalog = input.Catalog;
        var places = input.Marketplaces;
        // One pass over the ledger: loss rows grouped by FNSKU + pool (groups in order of first appearance, rows in
        // ledger order) and found rows by the same key; only these rows get their FNSKU, marketplace and pool resolved.
        var groups = new Dictionary<(string Fnsku, string Pool), Group>();
        var ordered = new List<Group>();
        var found = new Dictionary<(string Fnsku, string Pool), List<(object Offset, DateOnly Date, int Units)>>();
        foreach (var e in input.LedgerRows(rule.Scans))
        {
            var isLoss = rule.IsLoss(e);
            var isFound = rule.IsFound(e);
            if (!isLoss && !isFound)
            {
                continue;
            }
            var fnsku = catalog.FnskuOf(e);
            var marketplace = places.For(e);
            var key = (Text.Upper(fnsku), places.Pool(marketplace));
            if (isFound)
            {
                if (!found.TryGetValue(key, out var offsets))
                {
                    found[key] = offsets = [];
                }
                offsets.Add((e, e.Date, e.Quantity));
            }
            if (isLoss)
            {
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = new Group(key, fnsku);
                    ordered.Add(group);
                }
                group.Losses.Add(((e, marketplace), e.Date, Math.Abs(e.Quantity)));
            }
        }

        return (ordered, found, groups);
    }

    /// <summary>
    /// An incremental run (<see cref="IncrementalDetection"/>): <paramref name="added"/> ledger rows (in id order, none
    /// in the previous ledger) join the groups of the previous run over the same ledger without them, and only the groups
    /// they touch are allocated again. Gives the groups as <see cref="Collect"/> would find them over the whole ledger,
    /// the keys touched (every earlier candidate of them is replaced) and their candidates (in <paramref name="candidates"/>).
    /// <paramref name="input"/> is the new input; the caller has checked that the added rows change no answer of its
    /// catalog and marketplaces about the rows already there.
    /// </summary>
    internal static (Groups Groups, HashSet<(string Fnsku, string Pool)> Touched) Continue(DetectionInput input, LedgerLossRule rule, Groups previous,
        IReadOnlyList<LedgerEvent> added, List<Candidate> candidates)
    {
        var catalog = input.Catalog;
        var places = input.Marketplaces;
        var losses = new Dictionary<(string Fnsku, string Pool), List<((LedgerEvent Row, string Marketplace) Loss, DateOnly Date, int Units)>>();
        var found = new Dictionary<(string Fnsku, string Pool), List<(object Offset, DateOnly Date, int Units)>>();
        foreach (var e in added)
        {
            if (e.EventType != rule.Scans)
            {
                continue; // Collect reads only the rows of this event type
            }
            var isLoss = rule.IsLoss(e);
            var isFound = rule.IsFound(e);
            if (!isLoss && !isFound)
            {
                continue;
            }
            var marketplace = places.For(e);
            var key = (Text.Upper(catalog.FnskuOf(e)), places.Pool(marketplace));
            if (isFound)
            {
                if (!found.TryGetValue(key, out var offsets))
                {
                    found[key] = offsets = [];
                }
                offsets.Add((e, e.Date, e.Quantity));
            }
            if (isLoss)
            {
                if (!losses.TryGetValue(key, out var rows))
                {
                    losses[key] = rows = [];
                }
                rows.Add(((e, marketplace), e.Date, Math.Abs(e.Quantity)));
            }
        }
        var touched = new HashSet<(string Fnsku, string Pool)>(losses.Keys);
        touched.UnionWith(found.Keys);
        var next = new Groups(new(previous.Losses), new(previous.Found));
        foreach (var (key, rows) in found)
        {
            next.Found[key] = previous.Found.TryGetValue(key, out var before) ? MergeById(before, rows, o => ((LedgerEvent)o.Offset).Id) : rows;
        }
        foreach (var (key, rows) in losses)
        {
            var all = previous.Losses.TryGetValue(key, out var before) ? MergeById(before.Losses, rows, l => l.Loss.Row.Id) : rows;
            var group = new Group(key, catalog.FnskuOf(all[0].Loss.Row)); // spelled as the first loss row of the group
            group.Losses.AddRange(all);
            next.Losses[key] = group;
        }
        var work = new Work();
        foreach (var key in touched)
        {
            if (next.Losses.TryGetValue(key, out var group))
            {
                Allocate(input, rule, group, next.Found, work, candidates);
            }
        }
        return (next, touched);
    }

    /// <summary>Two lists in ledger order (ids ordinal, ignoring case) as one.</summary>
    private static List<T> MergeById<T>(List<T> a, List<T> b, Func<T, string> id)
    {
        var merged = new List<T>(a.Count + b.Count);
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            merged.Add(j == b.Count || (i < a.Count && StringComparer.OrdinalIgnoreCase.Compare(id(a[i]), id(b[j])) <= 0) ? a[i++] : b[j++]);
        }
        return merged;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Allocate(DetectionInput input, LedgerLossRule rule, Group group,
        Dictionary<(string Fnsku, string Pool), List<(object Offset, DateOnly Date, int Units)>> found, Work work, List<Candidate> candidates)
    {
        var places = input.Marketplaces;
        var offsetsOfGroup = work.Offsets;
        var byReference = work.ByReference;
        var references = work.References;
        {
            var fnsku = group.Fnsku;
            var allocator = new FifoAllocator<(LedgerEvent Row, string Marketplace), object>(group.Losses);
            // Found rows first, then reimbursements: on the same day found rows go first (the sort keeps this order).
            offsetsOfGroup.Clear();
            if (found.TryGetValue(group.Key, out var foundRows))
            {
                offsetsOfGroup.AddRange(foundRows);
            }
            foreach (var r in input.Reimbursed.ForFnsku(fnsku, rule.ReimbursementReasons))
            {
                if (places.Pool(places.For(r.Row), r.Row.Currency) == group.Key.Pool)
                {
                    offsetsOfGroup.Add((r, r.Date, r.EffectiveUnits));
                }
            }
            allocator.Apply(offsetsOfGroup);

            // Slots (oldest first) by reference + marketplace, in order of first appearance.
            // The lists are reused from group to group (Build keeps none of them).
            byReference.Clear();
            references.Clear();
            foreach (var slot in allocator.Slots)
            {
                var reference = (slot.Loss.Row.ReferenceId ?? slot.Loss.Row.Id, slot.Loss.Marketplace);
                if (!byReference.TryGetValue(reference, out var slots))
                {
                    if (references.Count < work.Spare.Count)
                    {
                        slots = work.Spare[references.Count];
                        slots.Clear();
                    }
                    else
                    {
                        work.Spare.Add(slots = new List<LossSlot<(LedgerEvent Row, string Marketplace), object>>(1));
                    }
                    byReference[reference] = slots;
                    references.Add(slots);
                }
                slots.Add(slot);
            }
            foreach (var slots in references)
            {
                var owed = 0;
                foreach (var s in slots)
                {
                    owed += s.Remaining;
                }
                if (owed > 0)
                {
                    var first = slots[0].Loss;
                    candidates.Add(Build(rule, input, fnsku, first.Row.ReferenceId ?? first.Row.Id, first.Marketplace, slots, owed));
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Candidate Build(LedgerLossRule rule, DetectionInput input, string fnsku, string reference, string marketplace,
        List<LossSlot<(LedgerEvent Row, string Marketplace), object>> slots, int owed)
    {
        var first = slots[0].Loss.Row;
        var lost = 0;
        var foundUnits = 0;
        var paidUnits = 0;
        var date = slots[0].Date;
        var evidence = new List<Evidence>(slots.Count + 2);
        // The offsets the slots took, each once with its units summed, in order of first appearance.
        List<(object Offset, int Units)>? applied = null;
        foreach (var s in slots)
        {
            lost += s.Units;
            date = s.Date < date ? s.Date : date;
            evidence.Add(Text.Ledger(s.Loss.Row, rule.KeyedByShipment ? $"received {s.Loss.Row.Disposition}" : Text.Reason(s.Loss.Row.Reason)));
            foreach (var (offset, units) in s.Applied)
            {
                if (offset is LedgerEvent)
                {
                    foundUnits += units;
                }
                else if (offset is ReimbursedRow)
                {
                    paidUnits += units;
                }
                applied ??= [];
                var at = applied.FindIndex(a => ReferenceEquals(a.Offset, offset));
                if (at < 0)
                {
                    applied.Add((offset, units));
                }
                else
                {
                    applied[at] = (offset, applied[at].Units + units);
                }
            }
        }
        foreach (var (offset, units) in applied ?? [])
        {
            switch (offset)
            {
                case LedgerEvent f:
                    evidence.Add(Text.Ledger(f, Text.Reason(f.Reason) + (units == f.Quantity ? "" : $"; {units} set against this claim")));
                    break;
                case ReimbursedRow r:
                    evidence.AddRange(Text.Reimbursement(r, units));
                    break;
            }
        }
        var sku = input.Catalog.SkuOf(fnsku) ?? (CatalogIndex.IsFound(first.Msku) ? null : first.Msku);
        var facts = new DefaultInterpolatedStringHandler(0, 0, null, stackalloc char[256]);
        facts.AppendLiteral(Text.Units(lost));
        facts.AppendLiteral(" of ");
        facts.AppendLiteral(fnsku);
        if (sku is not null)
        {
            facts.AppendLiteral(" (");
            facts.AppendLiteral(sku);
            facts.AppendLiteral(")");
        }
        facts.AppendLiteral(lost == 1 ? " was " : " were ");
        facts.AppendLiteral(rule.Verb);
        facts.AppendLiteral(" on ");
        facts.AppendLiteral(Text.Date(date));
        facts.AppendLiteral(rule.KeyedByShipment ? " in shipment " : " (transaction ");
        facts.AppendLiteral(reference);
        facts.AppendLiteral(rule.KeyedByShipment ? "; " : "); ");
        if (!rule.KeyedByShipment && rule.Type == ClaimType.LostWarehouse)
        {
            facts.AppendFormatted(foundUnits);
            facts.AppendLiteral(" found later, ");
        }
        facts.AppendFormatted(paidUnits);
        facts.AppendLiteral(" reimbursed, so ");
        facts.AppendLiteral(Text.Units(owed));
        facts.AppendLiteral(owed == 1 ? " is owed." : " are owed.");
        return new Candidate
        {
            Type = rule.Type,
            Marketplace = marketplace,
            Key = $"{reference}|{fnsku}",
            Fnsku = fnsku,
            Sku = sku,
            Asin = first.Asin ?? input.Catalog.AsinOf(fnsku),
            ShipmentId = rule.KeyedByShipment ? reference : null,
            ReferenceId = rule.KeyedByShipment ? null : reference,
            Units = owed,
            ReferenceDate = date,
            Evidence = evidence,
            Facts = facts.ToStringAndClear(),
            Note = rule.Note,
        };
    }
}
