using System.Runtime.InteropServices;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Indexes;

/// <summary>
/// Which FNSKU, SKU and ASIN belong together, from every record that names two of them. Found units that
/// Amazon books under an `Amazon.Found.&lt;ASIN&gt;` MSKU belong to that ASIN's FNSKU (claims.md §2) when the
/// seller's own rows name exactly one FNSKU for that ASIN; with none or several the row keeps its own FNSKU.
/// </summary>
public sealed class CatalogIndex
{
    public const string FoundPrefix = "Amazon.Found.";

    private readonly Dictionary<string, HashSet<string>> _fnskusByAsin = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _skuByFnsku = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _asinByFnsku = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _fnskusBySku = new(StringComparer.OrdinalIgnoreCase);

    // The SKU and ASIN last noted with each FNSKU: noting the same three again changes nothing, so it is skipped
    // (most rows repeat their FNSKU's SKU and ASIN; this turns six lookups per row into one).
    private readonly Dictionary<string, (string? Sku, string? Asin)> _lastNoted = new(StringComparer.OrdinalIgnoreCase);

    public CatalogIndex(DetectionInput input)
    {
        foreach (var e in input.Ledger)
        {
            if (!IsFound(e.Msku))
            {
                Note(e.Fnsku, e.Msku, e.Asin);
            }
        }
        NoteOtherRecords(input);
    }

    /// <summary>Empty: <see cref="LedgerIndex"/> notes the ledger rows (<see cref="NoteLedgerRow"/>), then <see cref="NoteOtherRecords"/>.</summary>
    internal CatalogIndex()
    {
    }

    /// <summary>
    /// A copy that can note more rows without changing this index: the maps are copied, their FNSKU sets shared until
    /// the copy adds to one (then that set is copied first).
    /// </summary>
    internal CatalogIndex Copy() => new(this);

    private CatalogIndex(CatalogIndex from)
    {
        _owned = new(ReferenceEqualityComparer.Instance);
        _fnskusByAsin = new(from._fnskusByAsin, StringComparer.OrdinalIgnoreCase);
        _skuByFnsku = new(from._skuByFnsku, StringComparer.OrdinalIgnoreCase);
        _asinByFnsku = new(from._asinByFnsku, StringComparer.OrdinalIgnoreCase);
        _fnskusBySku = new(from._fnskusBySku, StringComparer.OrdinalIgnoreCase);
        // What was last noted per FNSKU only saves work (noting is idempotent): the copy starts without it.
    }

    // Sets this copy made or copied (the others are shared with the index it was copied from); null: not a copy, all its own.
    private HashSet<object>? _owned;

    /// <summary>How many FNSKUs the seller's rows name for a SKU (one: <see cref="FnskuOfSku"/> answers it).</summary>
    internal int FnskuCountOfSku(string sku) => _fnskusBySku.TryGetValue(sku, out var set) ? set.Count : 0;

    /// <summary>How many FNSKUs the seller's rows name for an ASIN (one: Amazon.Found rows of it count under it).</summary>
    internal int FnskuCountOfAsin(string asin) => _fnskusByAsin.TryGetValue(asin, out var set) ? set.Count : 0;

    /// <summary>Notes a ledger row that is not Amazon.Found and whose FNSKU was not last noted with this SKU and ASIN (the caller checks that).</summary>
    internal void NoteLedgerRow(string fnsku, string? sku, string? asin) => NoteNew(fnsku, sku, asin);

    /// <summary>Everything but the ledger, in the constructor's order (after the ledger: the first SKU/ASIN seen for an FNSKU wins).</summary>
    internal void NoteOtherRecords(DetectionInput input)
    {
        foreach (var r in input.Reimbursements)
        {
            Note(r.Fnsku, r.Sku, r.Asin);
        }
        foreach (var f in input.Fees)
        {
            Note(f.Fnsku, f.Sku, f.Asin);
        }
        foreach (var r in input.Returns)
        {
            Note(r.Fnsku, r.Sku, r.Asin);
        }
        foreach (var m in input.Removals)
        {
            Note(m.Fnsku, m.Sku, null);
        }
        foreach (var i in input.InboundItems)
        {
            Note(i.Fnsku, i.SellerSku, null);
        }
    }

    public static bool IsFound(string? msku) => msku?.StartsWith(FoundPrefix, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The FNSKU a ledger row counts under: its own, or for an Amazon.Found MSKU the ASIN's only seller FNSKU.</summary>
    public string FnskuOf(LedgerEvent e)
    {
        if (!IsFound(e.Msku))
        {
            return e.Fnsku;
        }
        var asin = e.Msku![FoundPrefix.Length..];
        asin = asin.Length > 0 ? asin : e.Asin ?? "";
        return _fnskusByAsin.TryGetValue(asin, out var set) && set.Count == 1 ? set.First() : e.Fnsku;
    }

    public string? SkuOf(string? fnsku) => fnsku is not null ? _skuByFnsku.GetValueOrDefault(fnsku) : null;

    public string? AsinOf(string? fnsku) => fnsku is not null ? _asinByFnsku.GetValueOrDefault(fnsku) : null;

    /// <summary>The SKU's only FNSKU, else null.</summary>
    public string? FnskuOfSku(string? sku) =>
        sku is not null && _fnskusBySku.TryGetValue(sku, out var set) && set.Count == 1 ? set.First() : null;

    private void Note(string? fnsku, string? sku, string? asin)
    {
        if (string.IsNullOrEmpty(fnsku))
        {
            return;
        }
        ref var last = ref CollectionsMarshal.GetValueRefOrAddDefault(_lastNoted, fnsku, out var seen);
        if (seen && string.Equals(last.Sku, sku, StringComparison.Ordinal) && string.Equals(last.Asin, asin, StringComparison.Ordinal))
        {
            return;
        }
        last = (sku, asin);
        NoteNew(fnsku, sku, asin);
    }

    private void NoteNew(string fnsku, string? sku, string? asin)
    {
        if (string.IsNullOrEmpty(fnsku))
        {
            return;
        }
        if (!string.IsNullOrEmpty(sku) && !IsFound(sku))
        {
            _skuByFnsku.TryAdd(fnsku, sku);
            if (!_fnskusBySku.TryGetValue(sku, out var fnskus))
            {
                _fnskusBySku[sku] = fnskus = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                _owned?.Add(fnskus);
            }
            else if (_owned is not null && !fnskus.Contains(fnsku) && !_owned.Contains(fnskus))
            {
                _fnskusBySku[sku] = fnskus = new HashSet<string>(fnskus, StringComparer.OrdinalIgnoreCase);
                _owned.Add(fnskus);
            }
            fnskus.Add(fnsku);
        }
        if (!string.IsNullOrEmpty(asin))
        {
            _asinByFnsku.TryAdd(fnsku, asin);
            if (!_fnskusByAsin.TryGetValue(asin, out var set))
            {
                _fnskusByAsin[asin] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                _owned?.Add(set);
            }
            else if (_owned is not null && !set.Contains(fnsku) && !_owned.Contains(set))
            {
                _fnskusByAsin[asin] = set = new HashSet<string>(set, StringComparer.OrdinalIgnoreCase);
                _owned.Add(set);
            }
            set.Add(fnsku);
        }
    }
}
