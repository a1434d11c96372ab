using System.Runtime.InteropServices;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Indexes;

/// <summary>
/// One pass over the ledger for everything read from every row: the <see cref="CatalogIndex"/> and
/// <see cref="MarketplaceResolver"/> (the same as their public constructors build), the ledger part of the valuer's
/// SKU → FNSKU map, and the rows of each event type in ledger order (so a detector that needs only Adjustments,
/// Receipts or CustomerReturns does not walk the rest).
/// </summary>
/// <remarks>
/// One case-insensitive lookup per row (the FNSKU's last SKU, ASIN and marketplace) replaces the catalog's and the
/// resolver's own: a row repeating what its FNSKU last noted changes neither index (noting is idempotent), so only
/// rows bringing something new are noted.
/// </remarks>
internal sealed class LedgerIndex
{
    // The event types detectors read on their own; the rest (mostly Shipments) are not kept.
    private static readonly LedgerEventType[] Kept = [LedgerEventType.Adjustments, LedgerEventType.Receipts, LedgerEventType.CustomerReturns];

    private readonly List<LedgerEvent>?[] _byType;

    private readonly IReadOnlyList<LedgerEvent> _ledger;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // one long loop, run once
    public LedgerIndex(DetectionInput input)
    {
        _ledger = input.Ledger;
        var catalog = new CatalogIndex();
        var places = new MarketplaceResolver();
        _byType = new List<LedgerEvent>?[Kept.Max(t => (int)t) + 1];
        foreach (var type in Kept)
        {
            _byType[(int)type] = [];
        }
        var last = new Dictionary<string, Noted>(StringComparer.OrdinalIgnoreCase);
        var hasFound = false;
        foreach (var e in input.Ledger)
        {
            var type = (int)e.EventType;
            if ((uint)type < (uint)_byType.Length)
            {
                _byType[type]?.Add(e);
            }
            var fnsku = e.Fnsku ?? ""; // null and "" are noted alike (nowhere)
            ref var noted = ref CollectionsMarshal.GetValueRefOrAddDefault(last, fnsku, out _);
            var isFound = CatalogIndex.IsFound(e.Msku);
            if (isFound)
            {
                hasFound = true;
                var asin = e.Msku![CatalogIndex.FoundPrefix.Length..]; // the ASIN CatalogIndex.FnskuOf asks about
                _foundAsins.Add(asin.Length > 0 ? asin : e.Asin ?? "");
            }
            if (!isFound
                && !(noted.Catalog && string.Equals(noted.Sku, e.Msku, StringComparison.Ordinal) && string.Equals(noted.Asin, e.Asin, StringComparison.Ordinal)))
            {
                catalog.NoteLedgerRow(fnsku, e.Msku, e.Asin);
                (noted.Catalog, noted.Sku, noted.Asin) = (true, e.Msku, e.Asin);
            }
            if (e.Msku is not null && fnsku.Length > 0 && !string.Equals(noted.MapSku, e.Msku, StringComparison.Ordinal))
            {
                if (_fnskuByMsku.TryAdd(e.Msku, fnsku))
                {
                    _firstIdByMsku[e.Msku] = e.Id;
                }
                noted.MapSku = e.Msku;
            }
            if (MarketplaceResolver.Of(e) is { } marketplace && !string.Equals(noted.Marketplace, marketplace, StringComparison.Ordinal))
            {
                places.NoteLedgerRow(fnsku, marketplace);
                noted.Marketplace = marketplace;
            }
        }
        catalog.NoteOtherRecords(input);
        places.NoteOtherRecords(input);
        Catalog = catalog;
        Marketplaces = places;
        HasFoundRows = hasFound;
        _named = new(() => Named(input, last));
    }

    /// <summary>
    /// The index of <paramref name="previous"/>'s ledger with <paramref name="added"/> rows inserted (in id order), when
    /// <see cref="IncrementalDetection"/> has checked that they change no answer about the records already there: the
    /// catalog and marketplaces given (copies with the added rows noted), the MSKU map with the MSKUs the added rows now map first (<paramref name="mapped"/>),
    /// the rows of each event type merged on first use (from the last list made and the rows added since).
    /// </summary>
    internal LedgerIndex(LedgerIndex previous, IReadOnlyList<LedgerEvent> ledger, IReadOnlyList<LedgerEvent> added, CatalogIndex catalog,
        MarketplaceResolver places, HashSet<string> named, IReadOnlyDictionary<string, (string Fnsku, string Id)> mapped)
    {
        _ledger = ledger;
        Catalog = catalog;
        Marketplaces = places;
        HasFoundRows = previous.HasFoundRows;
        _foundAsins = previous._foundAsins;
        _fnskuByMsku = previous._fnskuByMsku;
        _firstIdByMsku = previous._firstIdByMsku;
        if (mapped.Count > 0)
        {
            // MSKUs the added rows map first (copies: the previous index stays as it was).
            _fnskuByMsku = new(_fnskuByMsku, StringComparer.Ordinal);
            _firstIdByMsku = new(_firstIdByMsku, StringComparer.Ordinal);
            foreach (var (msku, (fnsku, id)) in mapped)
            {
                _fnskuByMsku[msku] = fnsku;
                _firstIdByMsku[msku] = id;
            }
        }
        _named = new(named);
        _byType = new List<LedgerEvent>?[previous._byType.Length];
        _merged = new Lazy<IReadOnlyList<LedgerEvent>>?[previous._byType.Length];
        _pending = new (IReadOnlyList<LedgerEvent> Base, Added? Since)?[previous._byType.Length];
        foreach (var type in Kept)
        {
            var t = (int)type;
            // The rows of the type as a list made at some earlier run plus the rows added since, page by page (not the
            // previous index itself: a chain of indexes, each with its own catalog copy, would stay alive page after page).
            var (rows, since) = previous._merged?[t] is { IsValueCreated: true } made ? (made.Value, null)
                : previous._pending?[t] ?? (previous._byType[t]!, null);
            var of = added.Where(e => e.EventType == type).ToList(); // in id order, as added is
            if (of.Count > 0)
            {
                since = new Added(of, since);
            }
            _pending[t] = (rows, since);
            _merged[t] = new(() => since is null ? rows : MergeById(rows, since.All()));
        }
    }

    private readonly Lazy<IReadOnlyList<LedgerEvent>>?[]? _merged;

    /// <summary>Per event type: a list of its rows made earlier and the rows added since, until merged on first use.</summary>
    private readonly (IReadOnlyList<LedgerEvent> Base, Added? Since)?[]? _pending;

    /// <summary>The rows pages added since a list was made: the last page's (in id order), then the earlier ones.</summary>
    private sealed class Added(List<LedgerEvent> rows, Added? before)
    {
        public List<LedgerEvent> Rows { get; } = rows;

        public Added? Before { get; } = before;

        /// <summary>All of them in id order (ordinal, ignoring case; ids are unique).</summary>
        public List<LedgerEvent> All()
        {
            var all = new List<LedgerEvent>();
            for (var at = this; at is not null; at = at.Before)
            {
                all.AddRange(at.Rows);
            }
            all.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Id, b.Id));
            return all;
        }
    }

    /// <summary>Two lists in id order (ordinal, ignoring case) as one.</summary>
    private static List<LedgerEvent> MergeById(IReadOnlyList<LedgerEvent> a, List<LedgerEvent> b)
    {
        var merged = new List<LedgerEvent>(a.Count + b.Count);
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            merged.Add(j == b.Count || (i < a.Count && StringComparer.OrdinalIgnoreCase.Compare(a[i].Id, b[j].Id) <= 0) ? a[i++] : b[j++]);
        }
        return merged;
    }

    /// <summary>True when some ledger row has an Amazon.Found MSKU (only those ask the catalog for an ASIN's FNSKU).</summary>
    public bool HasFoundRows { get; }

    /// <summary>The ASINs (any case) Amazon.Found rows ask the catalog for their only FNSKU.</summary>
    public IReadOnlySet<string> FoundAsins => _foundAsins;

    private readonly HashSet<string> _foundAsins = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The id of the ledger row that put each MSKU into <see cref="FnskuByMsku"/> (the first, in ledger order, naming an FNSKU).</summary>
    public IReadOnlyDictionary<string, string> FirstIdByMsku => _firstIdByMsku;

    private readonly Dictionary<string, string> _firstIdByMsku = new(StringComparer.Ordinal);

    /// <summary>Every FNSKU any record names (ignoring case), worked out on first use.</summary>
    public HashSet<string> NamedFnskus => _named.Value;

    private readonly Lazy<HashSet<string>> _named;

    private static HashSet<string> Named(DetectionInput input, Dictionary<string, Noted> ledger)
    {
        var named = new HashSet<string>(ledger.Keys, StringComparer.OrdinalIgnoreCase);
        foreach (var r in input.Reimbursements)
        {
            Add(r.Fnsku);
        }
        foreach (var f in input.Fees)
        {
            Add(f.Fnsku);
        }
        foreach (var r in input.Returns)
        {
            Add(r.Fnsku);
        }
        foreach (var m in input.Removals)
        {
            Add(m.Fnsku);
        }
        foreach (var i in input.InboundItems)
        {
            Add(i.Fnsku);
        }
        foreach (var c in input.Costs)
        {
            Add(c.Fnsku);
        }
        named.Remove("");
        return named;

        void Add(string? fnsku)
        {
            if (!string.IsNullOrEmpty(fnsku))
            {
                named.Add(fnsku);
            }
        }
    }

    public CatalogIndex Catalog { get; }

    public MarketplaceResolver Marketplaces { get; }

    /// <summary>Each MSKU's FNSKU as the first ledger row naming both spells it (Amazon.Found MSKUs included): the ledger part of the valuer's SKU map.</summary>
    public IReadOnlyDictionary<string, string> FnskuByMsku => _fnskuByMsku;

    private readonly Dictionary<string, string> _fnskuByMsku = new(StringComparer.Ordinal);


    /// <summary>The rows of one event type, in ledger order.</summary>
    public IReadOnlyList<LedgerEvent> Rows(LedgerEventType type) =>
        (uint)type < (uint)_byType.Length && _merged?[(int)type] is { } merged ? merged.Value
        : (uint)type < (uint)_byType.Length && _byType[(int)type] is { } kept ? kept
        : _ledger.Where(e => e.EventType == type).ToList();

    /// <summary>What an FNSKU last noted (a ledger FNSKU's first row always notes).</summary>
    private struct Noted
    {
        public bool Catalog;
        public string? Sku;
        public string? Asin;
        public string? Marketplace;
        public string? MapSku;
    }
}
