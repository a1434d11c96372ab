using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Detectors;

/// <summary>
/// Pre-order reimbursements paid below the seller's unit cost (claims.md §2): a row with reason Lost_Warehouse,
/// Damaged_Warehouse, Lost_Inbound or Damaged_Inbound, cash units and an amount-per-unit more than 1% below the
/// unit cost (costs file: by FNSKU, else by SKU) in the same currency — a cost only in another currency is not
/// converted, the row is skipped. Cash units count only as far as reversals left the row standing
/// (min(cash, effective units)). FixedAmount = (cost − amount-per-unit) × those units. Key: reimbursement id + FNSKU.
/// </summary>
public sealed class ReimbursedBelowCostDetector : IDetector
{
    private static readonly string[] Reasons = ["Lost_Warehouse", "Damaged_Warehouse", "Lost_Inbound", "Damaged_Inbound"];

    public ClaimType Type => ClaimType.ReimbursedBelowCost;

    public Confidence Confidence => Confidence.High;

    public IEnumerable<Candidate> Detect(DetectionInput input)
    {
        foreach (var paid in input.Reimbursed.Rows.Where(r => Indexes.ReimbursementLedger.HasReason(r.Row, Reasons)))
        {
            var row = paid.Row;
            var units = Math.Min(row.QuantityReimbursedCash ?? 0, paid.EffectiveUnits);
            if (units <= 0 || row.AmountPerUnit is not { } perUnit || row.Currency is null)
            {
                continue;
            }
            var cost = CostOf(input.Costs, row);
            if (cost is null || perUnit >= cost.Cost * 0.99m)
            {
                continue;
            }
            var shortfall = (cost.Cost - perUnit) * units;
            var marketplace = input.Marketplaces.For(row);
            yield return new Candidate
            {
                Type = Type,
                Marketplace = marketplace,
                Key = $"{row.ReimbursementId}|{row.Fnsku ?? row.Sku}",
                Fnsku = row.Fnsku,
                Sku = row.Sku ?? input.Catalog.SkuOf(row.Fnsku),
                Asin = row.Asin ?? input.Catalog.AsinOf(row.Fnsku),
                ReferenceId = row.ReimbursementId,
                Units = units,
                ReferenceDate = paid.Date,
                Evidence =
                [
                    .. Text.Reimbursement(paid, paid.EffectiveUnits),
                    new Evidence("costs", paid.Date, cost.Sku ?? cost.Fnsku, units, $"your unit cost {Text.Money(cost.Cost, cost.Currency)}"),
                ],
                Facts = $"Reimbursement {row.ReimbursementId} paid {Text.Money(perUnit, row.Currency)} per unit for {Text.Units(units)} of {row.Fnsku ?? row.Sku}, "
                    + $"below your unit cost of {Text.Money(cost.Cost, cost.Currency)}: {Text.Money(shortfall, row.Currency)} short.",
                FixedAmount = shortfall,
                Currency = row.Currency.ToUpperInvariant(),
            };
        }
    }

    private static UnitCost? CostOf(IReadOnlyList<UnitCost> costs, Reimbursement row)
    {
        var sameCurrency = costs.Where(c => string.Equals(c.Currency, row.Currency, StringComparison.OrdinalIgnoreCase)).ToList();
        return sameCurrency.FirstOrDefault(c => c.Fnsku is not null && string.Equals(c.Fnsku, row.Fnsku, StringComparison.OrdinalIgnoreCase))
            ?? sameCurrency.FirstOrDefault(c => c.Sku is not null && string.Equals(c.Sku, row.Sku, StringComparison.OrdinalIgnoreCase));
    }
}
