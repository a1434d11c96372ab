using System.Runtime.InteropServices;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Indexes;

/// <summary>A reimbursement row with the units reversals took back from it.</summary>
public sealed class ReimbursedRow(Reimbursement row, int units)
{
    internal ReimbursedRow(Reimbursement row, int units, string normalizedReason) : this(row, units)
    {
        _normalizedReason = normalizedReason;
    }

    private readonly List<(Reimbursement Reversal, int Units)> _reversals = [];

    public Reimbursement Row { get; } = row;

    /// <summary><see cref="ReimbursementLedger.NormalizeReason"/> of the row's reason, worked out once.</summary>
    private string? _normalizedReason;

    internal string NormalizedReason => _normalizedReason ??= ReimbursementLedger.NormalizeReason(Row.Reason);

    /// <summary>quantity-reimbursed-total (cash + inventory) as written.</summary>
    public int Units { get; } = units;

    public int ReversedUnits { get; private set; }

    /// <summary>What still counts as paid: units minus what reversals took back, never negative.</summary>
    public int EffectiveUnits => Units - ReversedUnits;

    public IReadOnlyList<(Reimbursement Reversal, int Units)> Reversals => _reversals;

    public DateOnly Date => DateOnly.FromDateTime(Row.ApprovalDate.DateTime);

    internal int TakeBack(Reimbursement reversal, int wanted)
    {
        var take = Math.Min(wanted, EffectiveUnits);
        if (take > 0)
        {
            ReversedUnits += take;
            _reversals.Add((reversal, take));
            _note = null;
        }
        return take;
    }

    /// <summary>"Lost_Warehouse reimbursement 1234 (2 units)", plus what a reversal took back.</summary>
    /// <remarks>Worked out on first use and kept (every finding the row offsets repeats it); a reversal taking units forgets it.</remarks>
    public string Note => _note ??= $"{Row.Reason} reimbursement {Row.ReimbursementId} ({Units} unit{(Units == 1 ? "" : "s")})"
        + (ReversedUnits > 0 ? $", {ReversedUnits} taken back by reversal {string.Join(", ", _reversals.Select(r => r.Reversal.ReimbursementId).Distinct())}" : "");

    private string? _note;
}

/// <summary>
/// Effective reimbursed units (claims.md §1): every non-reversal row counts its quantity-reimbursed-total; a
/// Reimbursement_Reversal row takes its units back, in approval order, from the row named by
/// original-reimbursement-id (only those of the same FNSKU, else of the same order, when an id spans several rows).
/// When that row is not in the data, or had fewer units left than the reversal takes, the rest comes from the
/// most recent earlier rows (approved on or before the reversal) of the same reason (original-reimbursement-type;
/// any reason when empty) and the same FNSKU, or the same order id when the reversal has no FNSKU. Units a
/// reversal cannot place are dropped (they belong to a row outside the data). A reversal thereby re-opens
/// what it takes back.
/// </summary>
public sealed class ReimbursementLedger
{
    private readonly List<ReimbursedRow> _rows;

    // The rows by reimbursement id, FNSKU and order id, each list in the order of _rows (lookups stay linear in the data).
    private readonly Dictionary<string, List<ReimbursedRow>> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ReimbursedRow>> _byFnsku = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<ReimbursedRow>> _byOrder = new(StringComparer.OrdinalIgnoreCase);

    public ReimbursementLedger(IEnumerable<Reimbursement> reimbursements)
    {
        var reversalReason = NormalizeReason("Reimbursement_Reversal");
        _rows = [];
        var reversals = new List<Reimbursement>();
        foreach (var r in reimbursements)
        {
            var reason = NormalizeReason(r.Reason);
            if (reason == reversalReason)
            {
                reversals.Add(r);
            }
            else
            {
                _rows.Add(new ReimbursedRow(r, Math.Max(0, UnitsOf(r)), reason));
            }
        }
        foreach (var row in _rows)
        {
            Add(_byId, row.Row.ReimbursementId, row);
            Add(_byFnsku, row.Row.Fnsku, row);
            Add(_byOrder, row.Row.AmazonOrderId, row);
        }
        foreach (var reversal in reversals.OrderBy(r => r.ApprovalDate))
        {
            var wanted = Math.Abs(UnitsOf(reversal));
            foreach (var row in Targets(reversal))
            {
                if (wanted == 0)
                {
                    break;
                }
                wanted -= row.TakeBack(reversal, wanted);
            }
        }
    }

    /// <summary>Every non-reversal row.</summary>
    public IReadOnlyList<ReimbursedRow> Rows => _rows;

    /// <summary>Rows of one of the reasons (normalised) for an FNSKU.</summary>
    public IEnumerable<ReimbursedRow> ForFnsku(string fnsku, params string[] reasons) => WithReason(Of(_byFnsku, fnsku), reasons);

    /// <summary>Rows of one of the reasons (normalised) for an order id.</summary>
    public IEnumerable<ReimbursedRow> ForOrder(string orderId, params string[] reasons) => WithReason(Of(_byOrder, orderId), reasons);

    private static List<ReimbursedRow> WithReason(List<ReimbursedRow> rows, string[] reasons)
    {
        if (rows.Count == 0)
        {
            return rows;
        }
        var wanted = new string[reasons.Length];
        for (var i = 0; i < reasons.Length; i++)
        {
            wanted[i] = NormalizeReason(reasons[i]);
        }
        var kept = new List<ReimbursedRow>(rows.Count);
        foreach (var row in rows)
        {
            foreach (var reason in wanted)
            {
                if (reason == row.NormalizedReason)
                {
                    kept.Add(row);
                    break;
                }
            }
        }
        return kept;
    }

    /// <summary>Reason words compared without case, spaces, colons, dashes or underscores ("Lost:Warehouse" = "Lost_Warehouse").</summary>
    public static string NormalizeReason(string? reason)
    {
        if (string.IsNullOrEmpty(reason))
        {
            return "";
        }
        Span<char> kept = reason.Length <= 256 ? stackalloc char[reason.Length] : new char[reason.Length];
        var n = 0;
        foreach (var c in reason)
        {
            if (char.IsLetterOrDigit(c))
            {
                kept[n++] = char.ToLowerInvariant(c);
            }
        }
        return new string(kept[..n]);
    }

    public static bool HasReason(Reimbursement row, params string[] reasons)
    {
        var reason = NormalizeReason(row.Reason);
        foreach (var r in reasons)
        {
            if (NormalizeReason(r) == reason)
            {
                return true;
            }
        }
        return false;
    }

    public static bool IsReversal(Reimbursement row) => HasReason(row, "Reimbursement_Reversal");

    private static int UnitsOf(Reimbursement r) =>
        r.QuantityReimbursedTotal ?? (r.QuantityReimbursedCash ?? 0) + (r.QuantityReimbursedInventory ?? 0);

    private IEnumerable<ReimbursedRow> Targets(Reimbursement reversal)
    {
        var named = new List<ReimbursedRow>();
        if (!string.IsNullOrEmpty(reversal.OriginalReimbursementId))
        {
            named = Of(_byId, reversal.OriginalReimbursementId).ToList();
            var sameFnsku = named.Where(r => Same(r.Row.Fnsku, reversal.Fnsku)).ToList();
            var sameOrder = named.Where(r => Same(r.Row.AmazonOrderId, reversal.AmazonOrderId)).ToList();
            named = sameFnsku.Count > 0 ? sameFnsku : sameOrder.Count > 0 ? sameOrder : named;
        }
        var type = NormalizeReason(reversal.OriginalReimbursementType);
        // Same FNSKU (else same order id when the reversal has no FNSKU): the rows of that key, in _rows order.
        var candidates = !string.IsNullOrEmpty(reversal.Fnsku) ? Of(_byFnsku, reversal.Fnsku)
            : !string.IsNullOrEmpty(reversal.AmazonOrderId) ? Of(_byOrder, reversal.AmazonOrderId)
            : [];
        var earlier = candidates
            .Where(r => !named.Contains(r) && r.Row.ApprovalDate <= reversal.ApprovalDate)
            .Where(r => type.Length == 0 || r.NormalizedReason == type)
            .OrderByDescending(r => r.Row.ApprovalDate);
        return named.Concat(earlier);
    }

    private static bool Same(string? a, string? b) => !string.IsNullOrEmpty(a) && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Adds a row under its key; a null key is kept under <see cref="NullKey"/> (a null FNSKU matches null, as string.Equals does).</summary>
    private static void Add(Dictionary<string, List<ReimbursedRow>> index, string? key, ReimbursedRow row)
    {
        ref var rows = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key ?? NullKey, out _);
        (rows ??= []).Add(row);
    }

    private static List<ReimbursedRow> Of(Dictionary<string, List<ReimbursedRow>> index, string? key) =>
        index.TryGetValue(key ?? NullKey, out var rows) ? rows : [];

    // Not a string any report holds (a NUL character); stands for a null key.
    private const string NullKey = "\0null";
}
