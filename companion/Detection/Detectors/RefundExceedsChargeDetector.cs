using Refully.Companion.Detection.Indexes;

namespace Refully.Companion.Detection.Detectors;

/// <summary>
/// Refunded principal above the principal charged (claims.md §3), per Amazon-fulfilled order id + SKU in the same
/// currency: Σ|refund product sales| − Σ order product sales, when the order's charge rows are in the data and the
/// excess is at least one minor unit (0.01). Units = refunded quantity; FixedAmount = the excess.
/// </summary>
public sealed class RefundExceedsChargeDetector : IDetector
{
    public ClaimType Type => ClaimType.RefundExceedsCharge;

    public Confidence Confidence => Confidence.Review;

    public IEnumerable<Candidate> Detect(DetectionInput input)
    {
        foreach (var line in input.Refunds.Lines.Where(l => l.Principal is not null && l.Quantity > 0))
        {
            var charges = input.Refunds.Charges(line.OrderId, line.Sku)
                .Where(c => string.Equals(c.Currency, line.Currency, StringComparison.OrdinalIgnoreCase)).ToList();
            if (charges.Count == 0)
            {
                continue;
            }
            var charged = charges.Sum(c => c.ProductSales!.Value);
            var excess = line.Principal!.Value - charged;
            if (excess < 0.01m)
            {
                continue;
            }
            var fnsku = input.Catalog.FnskuOfSku(line.Sku);
            yield return new Candidate
            {
                Type = Type,
                Marketplace = line.Marketplace,
                Key = $"{line.OrderId}|{line.Sku}",
                Fnsku = fnsku,
                Sku = line.Sku.Length > 0 ? line.Sku : null,
                Asin = input.Catalog.AsinOf(fnsku),
                OrderId = line.OrderId,
                Units = line.Quantity,
                ReferenceDate = line.FirstDate,
                Evidence = charges.Select(c => new Evidence(Source(c.Source), DateOnly.FromDateTime(c.Date.DateTime), c.OrderId,
                        Math.Abs(c.Quantity ?? 1), $"charged {Text.Money(c.ProductSales!.Value, c.Currency)}"))
                    .Concat(line.Rows.Select(t => new Evidence(Source(t.Source), DateOnly.FromDateTime(t.Date.DateTime), t.OrderId,
                        -Math.Abs(t.Quantity ?? 1), $"refunded {Text.Money(Math.Abs(t.ProductSales ?? 0), t.Currency)}")))
                    .ToList(),
                Facts = $"Order {line.OrderId} was charged {Text.Money(charged, line.Currency)} for {line.Sku} but refunded {Text.Money(line.Principal.Value, line.Currency)}, "
                    + $"{Text.Money(excess, line.Currency)} more than the customer paid.",
                FixedAmount = excess,
                Currency = line.Currency,
                RefundedPrincipalPerUnit = line.PrincipalPerUnit,
                Note = "Amazon refunded more than the item's charged price; check that no shipping, gift wrap or goodwill credit explains the difference before asking for it back.",
            };
        }
    }

    internal static string Source(string source) => source == TransactionSources.DateRange ? "transactions" : "settlement";
}
