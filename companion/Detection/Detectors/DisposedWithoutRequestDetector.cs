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
        var losses = input.Ledger
            .Where(e => e.EventType == LedgerEventType.Adjustments && Text.Code(e.Reason) is "D" or "G" && e.Quantity < 0)
            .Select(e => (Row: e, Fnsku: input.Catalog.FnskuOf(e), Marketplace: places.For(e)));
        foreach (var group in losses.GroupBy(x => (Fnsku: x.Fnsku.ToUpperInvariant(), Pool: places.Pool(x.Marketplace))))
        {
            var fnsku = group.First().Fnsku;
            var allocator = new FifoAllocator<(LedgerEvent Row, string Marketplace), RemovalOrderLine>(
                group.Select(x => ((x.Row, x.Marketplace), x.Row.Date, -x.Row.Quantity)));
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

    private static int Covered(RemovalOrderLine o) =>
        o.DisposedQuantity is > 0 ? o.DisposedQuantity.Value : (o.RequestedQuantity ?? 0) - (o.CancelledQuantity ?? 0);
}
