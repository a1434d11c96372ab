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
        var costs = new CostIndex(input.Costs);
        foreach (var paid in input.Reimbursed.Rows.Where(r => Indexes.ReimbursementLedger.HasReason(r.Row, Reasons)))
        {
            var row = paid.Row;
            var units = Math.Min(row.QuantityReimbursedCash ?? 0, paid.EffectiveUnits);
            if (units <= 0 || row.AmountPerUnit is not { } perUnit || row.Currency is null)
            {
                continue;
            }
            var cost = costs.Of(row);
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

    /// <summary>
    /// The unit cost of a reimbursement row: among the costs of its currency, the first of its FNSKU, else the first of
    /// its SKU (all compared without case), in the costs' order.
    /// </summary>
    private sealed class CostIndex
    {
        private readonly Dictionary<string, (Dictionary<string, UnitCost> ByFnsku, Dictionary<string, UnitCost> BySku)> _byCurrency =
            new(StringComparer.OrdinalIgnoreCase);

        public CostIndex(IReadOnlyList<UnitCost> costs)
        {
            foreach (var c in costs)
            {
                if (!_byCurrency.TryGetValue(c.Currency, out var currency))
                {
                    _byCurrency[c.Currency] = currency = (new(StringComparer.OrdinalIgnoreCase), new(StringComparer.OrdinalIgnoreCase));
                }
                if (c.Fnsku is not null)
                {
                    currency.ByFnsku.TryAdd(c.Fnsku, c);
                }
                if (c.Sku is not null)
                {
                    currency.BySku.TryAdd(c.Sku, c);
                }
            }
        }

        public UnitCost? Of(Reimbursement row)
        {
            if (row.Currency is null || !_byCurrency.TryGetValue(row.Currency, out var currency))
            {
                return null;
            }
            return (row.Fnsku is not null ? currency.ByFnsku.GetValueOrDefault(row.Fnsku) : null)
                ?? (row.Sku is not null ? currency.BySku.GetValueOrDefault(row.Sku) : null);
        }
    }
}
