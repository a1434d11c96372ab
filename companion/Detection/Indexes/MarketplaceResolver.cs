using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Readers;

namespace Refully.Companion.Detection.Indexes;

/// <summary>
/// The marketplace of a finding. A record's own marketplace wins (ledger Country, a currency used by one
/// marketplace, a marketplace column); otherwise the FNSKU's or order's only marketplace in the other records;
/// otherwise the input's only marketplace; otherwise <see cref="Unknown"/>.
/// The allocation <see cref="Pool"/> is the marketplace's currency: EUR marketplaces share one pool, because
/// Pan-European inventory and the region-level reimbursements report (EUR rows carry no country) do.
/// </summary>
public sealed class MarketplaceResolver
{
    public const string Unknown = "UNKNOWN";

    private readonly Dictionary<string, HashSet<string>> _byFnsku = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _byOrder = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _all = new(StringComparer.Ordinal);

    public MarketplaceResolver(DetectionInput input)
    {
        foreach (var e in input.Ledger)
        {
            Note(_byFnsku, e.Fnsku, Of(e));
        }
        foreach (var r in input.Reimbursements)
        {
            Note(_byFnsku, r.Fnsku, r.Marketplace);
            Note(_byOrder, r.AmazonOrderId, r.Marketplace);
        }
        foreach (var t in input.Transactions)
        {
            Note(_byOrder, t.OrderId, Of(t));
        }
        foreach (var f in input.Fees)
        {
            Note(_byFnsku, f.Fnsku, f.Marketplace);
        }
        foreach (var m in input.Removals)
        {
            Note(_byFnsku, m.Fnsku, m.Marketplace);
        }
    }

    /// <summary>A ledger row's own marketplace: the reader's, else its Country column.</summary>
    public static string? Of(LedgerEvent e) => e.Marketplace ?? RegionSplit.FromName(e.Country);

    public static string? Of(Transaction t) => t.Marketplace ?? RegionSplit.FromCurrency(t.Currency);

    public string For(LedgerEvent e) => Of(e) ?? ForFnsku(e.Fnsku);

    public string For(Reimbursement r) => r.Marketplace ?? (r.AmazonOrderId is { } order ? ForOrder(order, r.Fnsku) : ForFnsku(r.Fnsku));

    /// <summary>The FNSKU's only marketplace in the data, else the input's only one, else Unknown.</summary>
    public string ForFnsku(string? fnsku) =>
        Only(fnsku is null ? null : _byFnsku.GetValueOrDefault(fnsku)) ?? Only(_all) ?? Unknown;

    /// <summary>The order's only marketplace (transactions, reimbursements), else the FNSKU's.</summary>
    public string ForOrder(string orderId, string? fnsku = null) =>
        Only(_byOrder.GetValueOrDefault(orderId)) ?? ForFnsku(fnsku);

    /// <summary>The allocation pool of a marketplace (its currency), or of a row's own currency when the marketplace is unknown.</summary>
    public string Pool(string marketplace, string? currency = null)
    {
        var pool = RegionSplit.CurrencyOf(marketplace) ?? currency?.Trim().ToUpperInvariant();
        if (pool is not null)
        {
            return pool;
        }
        var pools = _all.Select(RegionSplit.CurrencyOf).Distinct().ToList();
        return pools is [{ } single] ? single : "";
    }

    private void Note(Dictionary<string, HashSet<string>> index, string? key, string? marketplace)
    {
        if (marketplace is null)
        {
            return;
        }
        _all.Add(marketplace);
        if (string.IsNullOrEmpty(key))
        {
            return;
        }
        if (!index.TryGetValue(key, out var set))
        {
            index[key] = set = new HashSet<string>(StringComparer.Ordinal);
        }
        set.Add(marketplace);
    }

    private static string? Only(HashSet<string>? set) => set is { Count: 1 } ? set.First() : null;
}
