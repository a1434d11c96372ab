using System.Globalization;
using System.Runtime.CompilerServices;
using Refully.Companion.Domain;

namespace Refully.Companion.Detection;

/// <summary>What a finding is worth (claims.md §4), and how that was worked out, in words.</summary>
public sealed record Valuation(decimal? Amount, string Currency, string Explanation);

/// <summary>
/// claims.md §4: amount = units × unit value, in the marketplace currency, rounded to its minor unit.
/// Unit value: (1) pre-order types — the seller's unit cost from the costs file; post-order types — the
/// refunded principal per unit of that order line; (2) the most recent cash amount-per-unit of a
/// reimbursement for the same FNSKU; (3) none: the amount is null and the explanation says so.
/// ReimbursedBelowCost carries its own amount (the shortfall).
/// </summary>
public sealed class Valuer(DetectionInput input)
{
    private static readonly HashSet<ClaimType> PostOrder =
    [
        ClaimType.RefundNotReturned, ClaimType.ReturnDamagedNotReimbursed, ClaimType.ReturnNotRestocked,
        ClaimType.WrongItemReturned, ClaimType.RefundExceedsCharge,
    ];

    private readonly Lazy<Dictionary<(string Key, string Currency), decimal>> _costs = new(() => BuildCosts(input));
    private readonly Lazy<Dictionary<(string Fnsku, string Currency), decimal>> _lastReimbursement = new(() => BuildLastReimbursement(input));
    private readonly Lazy<Dictionary<string, string>> _fnskuBySku = new(() => BuildSkuMap(input));

    public Valuation Value(Candidate candidate)
    {
        var appraisal = Appraise(candidate);
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        AppendExplanation(ref text, appraisal);
        return new(appraisal.Amount, appraisal.Currency, text.ToStringAndClear());
    }

    /// <summary>How a value was worked out: the engine writes its explanation straight into the finding's (no string in between).</summary>
    internal enum Basis
    {
        Shortfall,
        FeeDifference,
        RefundedPrice,
        UnitCost,
        LastReimbursement,
        Unknown,
    }

    /// <summary><see cref="Value"/> without its text: amount, currency, and what the explanation says.</summary>
    internal readonly record struct Appraisal(decimal? Amount, string Currency, Basis Basis, decimal UnitValue = 0m);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per finding: optimised at once rather than after a slow first tier
    internal Appraisal Appraise(Candidate candidate)
    {
        var currency = Marketplaces.FromCode(candidate.Marketplace)?.Currency ?? candidate.Currency ?? "";
        if (candidate.FixedAmount is { } fixedAmount)
        {
            var fixedCurrency = candidate.Currency ?? currency;
            return new(Round(fixedAmount, fixedCurrency), fixedCurrency, Basis.Shortfall);
        }
        if (candidate.Type == ClaimType.FeeOvercharge)
        {
            // What was overcharged depends on the rate card of the right size tier, not on what the unit is worth.
            return new(null, currency, Basis.FeeDifference);
        }
        var fnsku = candidate.Fnsku ?? (candidate.Sku is not null ? _fnskuBySku.Value.GetValueOrDefault(candidate.Sku) : null);
        if (PostOrder.Contains(candidate.Type))
        {
            if (candidate.RefundedPrincipalPerUnit is > 0 and var refunded && (candidate.Currency is null || candidate.Currency == currency))
            {
                return Priced(candidate, refunded, currency, Basis.RefundedPrice);
            }
        }
        else if (Cost(candidate.Sku, fnsku, currency) is { } cost)
        {
            return Priced(candidate, cost, currency, Basis.UnitCost);
        }
        if (fnsku is not null && _lastReimbursement.Value.TryGetValue((fnsku, currency), out var last))
        {
            return Priced(candidate, last, currency, Basis.LastReimbursement);
        }
        return new(null, currency, Basis.Unknown);
    }

    private static Appraisal Priced(Candidate c, decimal unitValue, string currency, Basis basis) =>
        new(Round(c.Units * unitValue, currency), currency, basis, unitValue);

    /// <summary>The valuation's explanation (e.g. "it is worth USD 12.00 at your unit cost of USD 4.00"); the handler's provider must be the invariant culture.</summary>
    internal static void AppendExplanation(ref DefaultInterpolatedStringHandler text, in Appraisal a)
    {
        switch (a.Basis)
        {
            case Basis.Shortfall:
                text.AppendLiteral("the shortfall is ");
                AppendMoney(ref text, a.Amount!.Value, a.Currency);
                return;
            case Basis.FeeDifference:
                text.AppendLiteral("the refund is the fee difference for the right size tier, which Amazon works out once it re-measures");
                return;
            case Basis.Unknown:
                text.AppendLiteral("its value is unknown (add your unit cost to a costs file to see it)");
                return;
        }
        text.AppendLiteral("it is worth ");
        AppendMoney(ref text, a.Amount!.Value, a.Currency);
        text.AppendLiteral(a.Basis switch
        {
            Basis.RefundedPrice => " at the refunded price of ",
            Basis.UnitCost => " at your unit cost of ",
            _ => " at Amazon's last reimbursement of ",
        });
        AppendMoney(ref text, a.UnitValue, a.Currency);
        text.AppendLiteral(a.Basis switch
        {
            Basis.RefundedPrice => " per unit",
            Basis.UnitCost => "",
            _ => " per unit for this FNSKU",
        });
    }

    private decimal? Cost(string? sku, string? fnsku, string currency)
    {
        if (sku is not null && _costs.Value.TryGetValue((sku, currency), out var bySku))
        {
            return bySku;
        }
        return fnsku is not null && _costs.Value.TryGetValue((fnsku, currency), out var byFnsku) ? byFnsku : null;
    }

    public static decimal Round(decimal amount, string currency) =>
        Math.Round(amount, MinorUnits(currency), MidpointRounding.AwayFromZero);

    public static int MinorUnits(string currency) => currency is "JPY" or "KRW" or "CLP" ? 0 : 2;

    public static string Money(decimal amount, string currency) =>
        $"{currency} {amount.ToString(MinorUnits(currency) == 0 ? "N0" : "N2", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Appends <see cref="Money"/>'s text (the handler's provider must be the invariant culture).</summary>
    internal static void AppendMoney(ref DefaultInterpolatedStringHandler text, decimal amount, string currency)
    {
        text.AppendLiteral(currency);
        text.AppendLiteral(" ");
        text.AppendFormatted(amount, MinorUnits(currency) == 0 ? "N0" : "N2");
    }

    private static Dictionary<(string, string), decimal> BuildCosts(DetectionInput input)
    {
        var costs = new Dictionary<(string, string), decimal>();
        foreach (var c in input.Costs)
        {
            if (c.Sku is not null) costs[(c.Sku, c.Currency)] = c.Cost;
            if (c.Fnsku is not null) costs[(c.Fnsku, c.Currency)] = c.Cost;
        }
        return costs;
    }

    private static Dictionary<(string, string), decimal> BuildLastReimbursement(DetectionInput input)
    {
        var last = new Dictionary<(string, string), (DateTimeOffset At, decimal Value)>();
        foreach (var r in input.Reimbursements)
        {
            if (r.Fnsku is null || r.Currency is null || r.AmountPerUnit is not > 0 || r.QuantityReimbursedCash is not > 0)
            {
                continue;
            }
            var key = (r.Fnsku, r.Currency);
            if (!last.TryGetValue(key, out var seen) || r.ApprovalDate > seen.At)
            {
                last[key] = (r.ApprovalDate, r.AmountPerUnit.Value);
            }
        }
        return last.ToDictionary(kv => kv.Key, kv => kv.Value.Value);
    }

    private static Dictionary<string, string> BuildSkuMap(DetectionInput input)
    {
        // The ledger's part (first row of each MSKU with an FNSKU) comes from the shared pass over the ledger.
        var map = new Dictionary<string, string>(input.LedgerFnskuByMsku, StringComparer.Ordinal);
        foreach (var r in input.Reimbursements)
        {
            if (r.Sku is not null && r.Fnsku is not null) map.TryAdd(r.Sku, r.Fnsku);
        }
        foreach (var i in input.InboundItems)
        {
            if (i.SellerSku is not null && i.Fnsku.Length > 0) map.TryAdd(i.SellerSku, i.Fnsku);
        }
        foreach (var r in input.Returns)
        {
            if (r.Sku is not null && r.Fnsku is not null) map.TryAdd(r.Sku, r.Fnsku);
        }
        return map;
    }
}
