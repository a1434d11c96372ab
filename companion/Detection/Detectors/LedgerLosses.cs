using Refully.Companion.Detection.Allocation;
using Refully.Companion.Detection.Indexes;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Detectors;

/// <summary>What makes a ledger row a loss of one claim type, and what offsets it.</summary>
internal sealed record LedgerLossRule(
    ClaimType Type,
    Func<LedgerEvent, bool> IsLoss,
    Func<LedgerEvent, bool> IsFound,
    string[] ReimbursementReasons,
    string Verb,
    bool KeyedByShipment = false,
    string? Note = null);

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
    public static IEnumerable<Candidate> Detect(DetectionInput input, LedgerLossRule rule)
    {
        var catalog = input.Catalog;
        var places = input.Marketplaces;
        var rows = input.Ledger
            .Where(e => rule.IsLoss(e) || rule.IsFound(e)) // only these are used below; the rest need no FNSKU or pool
            .Select(e => (Row: e, Fnsku: catalog.FnskuOf(e), Marketplace: places.For(e)))
            .Select(x => (x.Row, x.Fnsku, x.Marketplace, Pool: places.Pool(x.Marketplace)))
            .ToList();
        var found = rows.Where(x => rule.IsFound(x.Row)).ToLookup(x => (x.Fnsku.ToUpperInvariant(), x.Pool));
        foreach (var group in rows.Where(x => rule.IsLoss(x.Row)).GroupBy(x => (Fnsku: x.Fnsku.ToUpperInvariant(), x.Pool)))
        {
            var fnsku = group.First().Fnsku;
            var allocator = new FifoAllocator<(LedgerEvent Row, string Marketplace), object>(
                group.Select(x => ((x.Row, x.Marketplace), x.Row.Date, Math.Abs(x.Row.Quantity))));
            var foundOffsets = found[group.Key].Select(x => ((object)x.Row, x.Row.Date, x.Row.Quantity));
            var reimbursed = input.Reimbursed.ForFnsku(fnsku, rule.ReimbursementReasons)
                .Where(r => places.Pool(places.For(r.Row), r.Row.Currency) == group.Key.Pool)
                .Select(r => ((object)r, r.Date, r.EffectiveUnits));
            allocator.Apply(foundOffsets.Concat(reimbursed));

            foreach (var key in allocator.Slots.GroupBy(s => (Ref: s.Loss.Row.ReferenceId ?? s.Loss.Row.Id, s.Loss.Marketplace)))
            {
                var owed = key.Sum(s => s.Remaining);
                if (owed > 0)
                {
                    yield return Build(rule, input, fnsku, key.Key.Ref, key.Key.Marketplace, key.ToList(), owed);
                }
            }
        }
    }

    private static Candidate Build(LedgerLossRule rule, DetectionInput input, string fnsku, string reference, string marketplace,
        List<LossSlot<(LedgerEvent Row, string Marketplace), object>> slots, int owed)
    {
        var first = slots[0].Loss.Row;
        var lost = slots.Sum(s => s.Units);
        var foundUnits = slots.SelectMany(s => s.Applied).Where(a => a.Offset is LedgerEvent).Sum(a => a.Units);
        var paidUnits = slots.SelectMany(s => s.Applied).Where(a => a.Offset is ReimbursedRow).Sum(a => a.Units);
        var evidence = slots.Select(s => Text.Ledger(s.Loss.Row, rule.KeyedByShipment ? $"received {s.Loss.Row.Disposition}" : Text.Reason(s.Loss.Row.Reason)))
            .Concat(slots.SelectMany(s => s.Applied)
                .GroupBy(a => a.Offset)
                .SelectMany(g => g.Key switch
                {
                    LedgerEvent f => [Text.Ledger(f, Text.Reason(f.Reason) + (g.Sum(a => a.Units) == f.Quantity ? "" : $"; {g.Sum(a => a.Units)} set against this claim"))],
                    ReimbursedRow r => Text.Reimbursement(r, g.Sum(a => a.Units)),
                    _ => [],
                }))
            .ToList();
        var sku = input.Catalog.SkuOf(fnsku) ?? (CatalogIndex.IsFound(first.Msku) ? null : first.Msku);
        var place = rule.KeyedByShipment ? $"in shipment {reference}" : $"(transaction {reference})";
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
            ReferenceDate = slots.Min(s => s.Date),
            Evidence = evidence,
            Facts = $"{Text.Units(lost)} of {fnsku}{(sku is null ? "" : $" ({sku})")} {(lost == 1 ? "was" : "were")} {rule.Verb} on {Text.Date(slots.Min(s => s.Date))} {place}; "
                + (rule.KeyedByShipment || rule.Type != ClaimType.LostWarehouse ? "" : $"{foundUnits} found later, ")
                + $"{paidUnits} reimbursed, so {Text.Units(owed)} {(owed == 1 ? "is" : "are")} owed.",
            Note = rule.Note,
        };
    }
}
