using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Detectors;

/// <summary>
/// Removal units that vanished (claims.md §2): per removal order id + FNSKU with order-status Completed,
/// Σ requested − Σ cancelled − Σ disposed − Σ shipped over its lines (one per disposition). Dated by the latest
/// last-updated-date (the request date when none). No offsets.
/// </summary>
public sealed class RemovalShortageDetector : IDetector
{
    public ClaimType Type => ClaimType.RemovalShortage;

    public Confidence Confidence => Confidence.High;

    public IEnumerable<Candidate> Detect(DetectionInput input)
    {
        foreach (var key in input.Removals
                     .Where(r => string.Equals(r.OrderStatus?.Trim(), "Completed", StringComparison.OrdinalIgnoreCase))
                     .GroupBy(r => (Order: r.OrderId.Trim().ToUpperInvariant(), Fnsku: r.Fnsku.Trim().ToUpperInvariant())))
        {
            var lines = key.ToList();
            int Sum(Func<RemovalOrderLine, int?> f) => lines.Sum(l => f(l) ?? 0);
            var requested = Sum(l => l.RequestedQuantity);
            var cancelled = Sum(l => l.CancelledQuantity);
            var disposed = Sum(l => l.DisposedQuantity);
            var shipped = Sum(l => l.ShippedQuantity);
            var missing = requested - cancelled - disposed - shipped;
            if (missing <= 0)
            {
                continue;
            }
            var first = lines[0];
            var date = DateOnly.FromDateTime(lines.Max(l => l.LastUpdatedDate ?? l.RequestDate).DateTime);
            yield return new Candidate
            {
                Type = Type,
                Marketplace = lines.Select(l => l.Marketplace).FirstOrDefault(m => m is not null) ?? input.Marketplaces.ForFnsku(first.Fnsku),
                Key = $"{first.OrderId}|{first.Fnsku}",
                Fnsku = first.Fnsku,
                Sku = first.Sku ?? input.Catalog.SkuOf(first.Fnsku),
                Asin = input.Catalog.AsinOf(first.Fnsku),
                RemovalOrderId = first.OrderId,
                Units = missing,
                ReferenceDate = date,
                Evidence = lines.Select(l => new Evidence("removals", DateOnly.FromDateTime((l.LastUpdatedDate ?? l.RequestDate).DateTime), l.OrderId,
                    l.RequestedQuantity ?? 0,
                    $"{l.OrderType} {l.Disposition}: requested {l.RequestedQuantity ?? 0}, cancelled {l.CancelledQuantity ?? 0}, disposed {l.DisposedQuantity ?? 0}, shipped {l.ShippedQuantity ?? 0}")).ToList(),
                Facts = $"Removal order {first.OrderId} is Completed with {requested} of {first.Fnsku} requested, {cancelled} cancelled, {disposed} disposed and {shipped} shipped, "
                    + $"so {Text.Units(missing)} {(missing == 1 ? "is" : "are")} unaccounted for.",
            };
        }
    }
}
