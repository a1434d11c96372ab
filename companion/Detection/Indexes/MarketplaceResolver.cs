using System.Runtime.InteropServices;
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
        NoteOtherRecords(input);
    }

    /// <summary>Empty: <see cref="LedgerIndex"/> notes the ledger rows (<see cref="NoteLedgerRow"/>), then <see cref="NoteOtherRecords"/>.</summary>
    internal MarketplaceResolver()
    {
    }

    /// <summary>
    /// A copy that can note more ledger rows without changing this resolver: the FNSKU map is copied (its sets shared
    /// until the copy adds to one, then that set is copied first); orders and the marketplaces seen are shared, so the
    /// copy may only note FNSKU rows of marketplaces already seen (<see cref="Seen"/>).
    /// </summary>
    internal MarketplaceResolver Copy()
    {
        return new MarketplaceResolver(new(_byFnsku, StringComparer.OrdinalIgnoreCase), _byOrder, _all)
        {
            _owned = new(ReferenceEqualityComparer.Instance),
            _onlyPool = _onlyPool,
        };
    }

    private MarketplaceResolver(Dictionary<string, HashSet<string>> byFnsku, Dictionary<string, HashSet<string>> byOrder, HashSet<string> all)
    {
        _byFnsku = byFnsku;
        _byOrder = byOrder;
        _all = all;
    }

    // Sets this copy made or copied; null: not a copy.
    private HashSet<object>? _owned;

    /// <summary>True when some record of the input has this marketplace.</summary>
    internal bool Seen(string marketplace) => _all.Contains(marketplace);

    /// <summary>The input's only marketplace, else null.</summary>
    internal string? OnlyMarketplace => Only(_all);

    /// <summary>The marketplaces the records name for an FNSKU (null: none).</summary>
    internal IReadOnlySet<string>? OfFnsku(string fnsku) => _byFnsku.GetValueOrDefault(fnsku);

    /// <summary>A ledger row's FNSKU and own marketplace (<see cref="Of(LedgerEvent)"/>, not null).</summary>
    internal void NoteLedgerRow(string fnsku, string marketplace) => Note(_byFnsku, fnsku, marketplace);

    /// <summary>Everything but the ledger.</summary>
    internal void NoteOtherRecords(DetectionInput input)
    {
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
    public static string? Of(LedgerEvent e) => e.Marketplace ?? FromCountry(e.Country);

    // Country columns hold a handful of values: each is parsed once (bounded, in case a file holds junk).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> Countries = new(StringComparer.Ordinal);

    private static string? FromCountry(string? country)
    {
        if (country is null)
        {
            return null;
        }
        if (Countries.TryGetValue(country, out var code))
        {
            return code;
        }
        code = RegionSplit.FromName(country);
        if (Countries.Count < 1_000)
        {
            Countries.TryAdd(country, code);
        }
        return code;
    }

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
        return _onlyPool ??= _all.Select(RegionSplit.CurrencyOf).Distinct().ToList() is [{ } single] ? single : "";
    }

    // The input's only pool (else ""), worked out on first use: the marketplaces are all known by then.
    private string? _onlyPool;

    private void Note(Dictionary<string, HashSet<string>> index, string? key, string? marketplace)
    {
        if (marketplace is null)
        {
            return;
        }
        if (string.IsNullOrEmpty(key))
        {
            _all.Add(marketplace);
            return;
        }
        if (_owned is not null && (index != _byFnsku || !_all.Contains(marketplace)))
        {
            throw new InvalidOperationException("A copy notes only FNSKU rows of marketplaces already seen.");
        }
        ref var set = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out _);
        if (set is null)
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            _owned?.Add(set);
        }
        else if (_owned is not null && !set.Contains(marketplace) && !_owned.Contains(set))
        {
            set = new HashSet<string>(set, StringComparer.Ordinal);
            _owned.Add(set);
        }
        if (set.Add(marketplace))
        {
            _all.Add(marketplace); // a marketplace already in a set is in _all too
        }
    }

    private static string? Only(HashSet<string>? set) => set is { Count: 1 } ? set.First() : null;
}
