using System.Runtime.CompilerServices;
using Refully.Companion.Detection.Allocation;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Detectors;

/// <summary>
/// Units Amazon disposed of that the seller did not ask to dispose of (claims.md §3): ledger Adjustments D/G
/// (negative) per FNSKU and currency pool, covered FIFO by the FNSKU's Disposal removal orders that are not
/// Cancelled and were requested on or before the disposal (units: disposed-quantity when above 0, else requested −
/// cancelled). What no order covers is a candidate, keyed by transaction item id + FNSKU.
/// </summary>
public sealed class DisposedWithoutRequestDetector : IDetector
{
    public ClaimType Type => ClaimType.DisposedWithoutRequest;

    public Confidence Confidence => Confidence.Review;

    public IEnumerable<Candidate> Detect(DetectionInput input)
    {
        var places = input.Marketplaces;
        var orders = input.Removals
            .Where(r => string.Equals(r.OrderType?.Trim(), "Disposal", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(r.OrderStatus?.Trim(), "Cancelled", StringComparison.OrdinalIgnoreCase))
            .ToLookup(r => r.Fnsku.Trim(), StringComparer.OrdinalIgnoreCase);
        var (groups, ordered) = Disposals(input);
        foreach (var groupKey in ordered)
        {
            var (fnsku, losses) = groups[groupKey];
            var group = (Key: groupKey, Count: losses.Count);
            var allocator = new FifoAllocator<(LedgerEvent Row, string Marketplace), RemovalOrderLine>(losses);
            allocator.Apply(orders[fnsku]
                    .Where(o => places.Pool(o.Marketplace ?? places.ForFnsku(o.Fnsku), o.Currency) == group.Key.Pool)
                    .Select(o => (o, DateOnly.FromDateTime(o.RequestDate.DateTime), Covered(o))),
                (lossDate, orderDate) => orderDate <= lossDate);
            foreach (var key in allocator.Slots.GroupBy(s => (Ref: s.Loss.Row.ReferenceId ?? s.Loss.Row.Id, s.Loss.Marketplace)))
            {
                var owed = key.Sum(s => s.Remaining);
                if (owed <= 0)
                {
                    continue;
                }
                var slots = key.ToList();
                var row = slots[0].Loss.Row;
                var sku = input.Catalog.SkuOf(fnsku) ?? row.Msku;
                var disposed = slots.Sum(s => s.Units);
                yield return new Candidate
                {
                    Type = Type,
                    Marketplace = key.Key.Marketplace,
                    Key = $"{key.Key.Ref}|{fnsku}",
                    Fnsku = fnsku,
                    Sku = sku,
                    Asin = row.Asin ?? input.Catalog.AsinOf(fnsku),
                    ReferenceId = key.Key.Ref,
                    Units = owed,
                    ReferenceDate = slots.Min(s => s.Date),
                    Evidence =
                    [
                        .. slots.Select(s => Text.Ledger(s.Loss.Row, Text.Reason(s.Loss.Row.Reason))),
                        .. slots.SelectMany(s => s.Applied).GroupBy(a => a.Offset).Select(g => new Evidence("removals",
                            DateOnly.FromDateTime(g.Key.RequestDate.DateTime), g.Key.OrderId, g.Sum(a => a.Units),
                            $"disposal order {g.Key.OrderId} ({g.Key.OrderStatus}) covers {Text.Units(g.Sum(a => a.Units))}")),
                    ],
                    Facts = $"{Text.Units(disposed)} of {fnsku}{(sku is null ? "" : $" ({sku})")} {(disposed == 1 ? "was" : "were")} disposed of on {Text.Date(slots.Min(s => s.Date))} "
                        + $"(transaction {key.Key.Ref}) and your disposal orders cover {disposed - owed}, so {Text.Units(owed)} {(owed == 1 ? "was" : "were")} disposed without your request.",
                    Note = "Amazon may dispose of units for its own reasons (expired, recalled, damaged, unfulfillable); check the disposal reason with Amazon before claiming.",
                };
            }
        }
    }

    /// <summary>Disposal rows by FNSKU (upper case) + pool: groups in order of first appearance, rows in ledger order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one loop over every adjustment, run once per detection
    private static (Dictionary<(string Fnsku, string Pool), (string Fnsku, List<((LedgerEvent Row, string Marketplace), DateOnly, int)> Losses)> Groups,
        List<(string Fnsku, string Pool)> Ordered) Disposals(DetectionInput input)
    {
        var places = input.Marketplaces;
        var groups = new Dictionary<(string Fnsku, string Pool), (string Fnsku, List<((LedgerEvent Row, string Marketplace), DateOnly, int)> Losses)>();
        var ordered = new List<(string Fnsku, string Pool)>();
        foreach (var e in input.LedgerRows(LedgerEventType.Adjustments))
        {
            if (e.EventType != LedgerEventType.Adjustments || e.Quantity >= 0 || Text.Code(e.Reason) is not ("D" or "G"))
            {
                continue;
            }
            var fnskuOf = input.Catalog.FnskuOf(e);
            var marketplace = places.For(e);
            var key = (Text.Upper(fnskuOf), places.Pool(marketplace));
            if (!groups.TryGetValue(key, out var found))
            {
                groups[key] = found = (fnskuOf, []);
                ordered.Add(key);
            }
            found.Losses.Add(((e, marketplace), e.Date, -e.Quantity));
        }
        return (groups, ordered);
    }

    private static int Covered(RemovalOrderLine o) =>
        o.DisposedQuantity is > 0 ? o.DisposedQuantity.Value : (o.RequestedQuantity ?? 0) - (o.CancelledQuantity ?? 0);
}
