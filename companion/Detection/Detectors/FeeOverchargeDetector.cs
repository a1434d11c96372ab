using Refully.Companion.Detection.Indexes;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Detectors;

/// <summary>
/// Fulfilment fees charged on measurements larger than the seller's own (claims.md §3, fees.md §1 and §5.1). The
/// seller's package size comes from the optional measurement columns of the costs file (by FNSKU, else SKU). A Fee
/// Preview row of the SKU differs when a sorted side is larger than the seller's by more than
/// max(<see cref="RelativeTolerance"/>, <see cref="SideToleranceInches"/>), the weight by more than
/// max(<see cref="RelativeTolerance"/>, <see cref="WeightTolerancePounds"/>), or (US tiers only) Amazon's size
/// class is above the one the seller's values give. One candidate per SKU: dated by its latest FBA fulfilment
/// fee charge (date range Order rows with fba fees, or settlement FBAPerUnitFulfillmentFee/FBAWeightBasedFee
/// lines), counting the units charged in the 90 days up to it. No charge in the data: no candidate.
/// </summary>
public sealed class FeeOverchargeDetector : IDetector
{
    public const decimal RelativeTolerance = 0.05m;
    public const decimal SideToleranceInches = 0.25m;
    public const decimal WeightTolerancePounds = 0.05m;
    public const int WindowDays = 90;

    public ClaimType Type => ClaimType.FeeOvercharge;

    public Confidence Confidence => Confidence.Review;

    public IEnumerable<Candidate> Detect(DetectionInput input)
    {
        var charges = Charges(input.Transactions).ToLookup(c => c.Sku!.Trim(), StringComparer.OrdinalIgnoreCase);
        foreach (var sku in input.Fees.GroupBy(f => f.Sku.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            var fnsku = sku.Select(f => f.Fnsku).FirstOrDefault(f => f is not null) ?? input.Catalog.FnskuOfSku(sku.Key);
            var own = input.Costs.FirstOrDefault(c => c.Fnsku is not null && string.Equals(c.Fnsku, fnsku, StringComparison.OrdinalIgnoreCase) && HasSize(c))
                ?? input.Costs.FirstOrDefault(c => c.Sku is not null && string.Equals(c.Sku, sku.Key, StringComparison.OrdinalIgnoreCase) && HasSize(c));
            var mine = own is null ? null : PackageSize.From(own.Length, own.Width, own.Height, own.DimensionUnit, own.Weight, own.WeightUnit);
            var rows = TransactionSources.Preferred(charges[sku.Key]).ToList();
            if (mine is null || rows.Count == 0)
            {
                continue;
            }
            var differences = sku.Select(f => (Fee: f, Why: Differences(f, mine))).Where(x => x.Why.Count > 0).ToList();
            if (differences.Count == 0)
            {
                continue;
            }
            var last = rows.Max(r => DateOnly.FromDateTime(r.Date.DateTime));
            var recent = rows.Where(r => DateOnly.FromDateTime(r.Date.DateTime) > last.AddDays(-WindowDays)).OrderBy(r => r.Date).ToList();
            var units = recent.Sum(r => Math.Abs(r.Quantity ?? 1));
            var why = string.Join("; ", differences.SelectMany(d => d.Why).Distinct());
            yield return new Candidate
            {
                Type = Type,
                Marketplace = recent.Select(MarketplaceResolver.Of).LastOrDefault(m => m is not null)
                    ?? sku.First().Marketplace ?? input.Marketplaces.ForFnsku(fnsku),
                Key = sku.Key,
                Fnsku = fnsku,
                Sku = sku.Key,
                Asin = sku.Select(f => f.Asin).FirstOrDefault(a => a is not null) ?? input.Catalog.AsinOf(fnsku),
                Units = units,
                ReferenceDate = last,
                Evidence =
                [
                    .. differences.Select(d => new Evidence("fees", last, d.Fee.Sku, 0,
                        $"fee preview: {d.Fee.LongestSide}×{d.Fee.MedianSide}×{d.Fee.ShortestSide} {d.Fee.UnitOfDimension}, {d.Fee.ItemPackageWeight} {d.Fee.UnitOfWeight}, {d.Fee.ProductSizeTier}")),
                    new Evidence("costs", last, own!.Sku ?? own.Fnsku, 0,
                        $"your measurements: {own.Length}×{own.Width}×{own.Height} {own.DimensionUnit}, {own.Weight} {own.WeightUnit}"),
                    .. recent.Select(r => new Evidence(RefundExceedsChargeDetector.Source(r.Source), DateOnly.FromDateTime(r.Date.DateTime), r.OrderId,
                        Math.Abs(r.Quantity ?? 1), $"FBA fee {Text.Money(Math.Abs(r.FbaFees ?? r.Amount ?? 0), r.Currency)}")),
                ],
                Facts = $"Amazon's fee preview for {sku.Key} differs from your own measurements ({why}); {Text.Units(units)} were charged a fulfilment fee in the 90 days up to {Text.Date(last)}.",
                Note = "Amazon may have measured the package larger than it is. Measure and weigh one unit, photograph it with the tape and the scale, "
                    + "and ask Amazon to re-measure; only fees charged in the last 90 days can be refunded, and the amount depends on the rate card.",
            };
        }
    }

    /// <summary>Why a Fee Preview row is larger than the seller's values (empty when it is not).</summary>
    internal static List<string> Differences(FeeEstimate fee, PackageSize mine)
    {
        var why = new List<string>();
        var amazon = PackageSize.From(fee.LongestSide, fee.MedianSide, fee.ShortestSide, fee.UnitOfDimension, fee.ItemPackageWeight, fee.UnitOfWeight);
        if (amazon is not null)
        {
            var names = new[] { "longest side", "median side", "shortest side" };
            var theirs = new[] { amazon.Longest, amazon.Median, amazon.Shortest };
            var ours = new[] { mine.Longest, mine.Median, mine.Shortest };
            for (var i = 0; i < 3; i++)
            {
                if (Larger(theirs[i], ours[i], SideToleranceInches))
                {
                    why.Add($"{names[i]} {theirs[i]:0.##} in vs your {ours[i]:0.##} in");
                }
            }
            if (amazon.Pounds is { } a && mine.Pounds is { } m && Larger(a, m, WeightTolerancePounds))
            {
                why.Add($"weight {a:0.###} lb vs your {m:0.###} lb");
            }
        }
        if (PackageSize.UsClass(fee.ProductSizeTier) is { } tier && mine.UsClass() is { } ownTier && tier > ownTier)
        {
            why.Add($"size tier {fee.ProductSizeTier} vs your {PackageSize.ClassName(ownTier)}");
        }
        return why;
    }

    private static bool Larger(decimal amazon, decimal own, decimal absolute) => amazon - own > Math.Max(own * RelativeTolerance, absolute);

    private static bool HasSize(UnitCost c) => c.Length is not null && c.Width is not null && c.Height is not null;

    /// <summary>Fulfilment fee charges with a SKU: date range Order rows (Amazon-fulfilled) with fba fees, settlement per-unit fee lines.</summary>
    private static IEnumerable<Transaction> Charges(IEnumerable<Transaction> transactions) => transactions.Where(t =>
        !string.IsNullOrEmpty(t.Sku)
        && ((t.Source == TransactionSources.DateRange && t.Type == TransactionType.Order && t.Fulfillment != Fulfillment.Merchant && t.FbaFees is < 0)
            || (t.Source != TransactionSources.DateRange && t.Amount is < 0
                && t.AmountDescription?.Replace(" ", "") is { } d
                && (d.Equals("FBAPerUnitFulfillmentFee", StringComparison.OrdinalIgnoreCase) || d.Equals("FBAWeightBasedFee", StringComparison.OrdinalIgnoreCase)))));
}
