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
        foreach (var e in input.Ledger)
        {
            var type = (int)e.EventType;
            if ((uint)type < (uint)_byType.Length)
            {
                _byType[type]?.Add(e);
            }
            var fnsku = e.Fnsku ?? ""; // null and "" are noted alike (nowhere)
            ref var noted = ref CollectionsMarshal.GetValueRefOrAddDefault(last, fnsku, out _);
            if (!CatalogIndex.IsFound(e.Msku)
                && !(noted.Catalog && string.Equals(noted.Sku, e.Msku, StringComparison.Ordinal) && string.Equals(noted.Asin, e.Asin, StringComparison.Ordinal)))
            {
                catalog.NoteLedgerRow(fnsku, e.Msku, e.Asin);
                (noted.Catalog, noted.Sku, noted.Asin) = (true, e.Msku, e.Asin);
            }
            if (e.Msku is not null && fnsku.Length > 0 && !string.Equals(noted.MapSku, e.Msku, StringComparison.Ordinal))
            {
                _fnskuByMsku.TryAdd(e.Msku, fnsku);
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
    }

    public CatalogIndex Catalog { get; }

    public MarketplaceResolver Marketplaces { get; }

    /// <summary>Each MSKU's FNSKU as the first ledger row naming both spells it (Amazon.Found MSKUs included): the ledger part of the valuer's SKU map.</summary>
    public IReadOnlyDictionary<string, string> FnskuByMsku => _fnskuByMsku;

    private readonly Dictionary<string, string> _fnskuByMsku = new(StringComparer.Ordinal);

    /// <summary>The rows of one event type, in ledger order.</summary>
    public IReadOnlyList<LedgerEvent> Rows(LedgerEventType type) =>
        (uint)type < (uint)_byType.Length && _byType[(int)type] is { } kept ? kept : _ledger.Where(e => e.EventType == type).ToList();

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
