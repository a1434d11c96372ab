using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Indexes;

/// <summary>A reimbursement row with the units reversals took back from it.</summary>
public sealed class ReimbursedRow(Reimbursement row, int units)
{
    private readonly List<(Reimbursement Reversal, int Units)> _reversals = [];

    public Reimbursement Row { get; } = row;

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
        }
        return take;
    }

    /// <summary>"Lost_Warehouse reimbursement 1234 (2 units)", plus what a reversal took back.</summary>
    public string Note => $"{Row.Reason} reimbursement {Row.ReimbursementId} ({Units} unit{(Units == 1 ? "" : "s")})"
        + (ReversedUnits > 0 ? $", {ReversedUnits} taken back by reversal {string.Join(", ", _reversals.Select(r => r.Reversal.ReimbursementId).Distinct())}" : "");
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

    public ReimbursementLedger(IEnumerable<Reimbursement> reimbursements)
    {
        var all = reimbursements.ToList();
        _rows = all.Where(r => !IsReversal(r)).Select(r => new ReimbursedRow(r, Math.Max(0, UnitsOf(r)))).ToList();
        foreach (var reversal in all.Where(IsReversal).OrderBy(r => r.ApprovalDate))
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
    public IEnumerable<ReimbursedRow> ForFnsku(string fnsku, params string[] reasons) =>
        _rows.Where(r => string.Equals(r.Row.Fnsku, fnsku, StringComparison.OrdinalIgnoreCase) && HasReason(r.Row, reasons));

    /// <summary>Rows of one of the reasons (normalised) for an order id.</summary>
    public IEnumerable<ReimbursedRow> ForOrder(string orderId, params string[] reasons) =>
        _rows.Where(r => string.Equals(r.Row.AmazonOrderId, orderId, StringComparison.OrdinalIgnoreCase) && HasReason(r.Row, reasons));

    /// <summary>Reason words compared without case, spaces, colons, dashes or underscores ("Lost:Warehouse" = "Lost_Warehouse").</summary>
    public static string NormalizeReason(string? reason) =>
        new((reason ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    public static bool HasReason(Reimbursement row, params string[] reasons)
    {
        var reason = NormalizeReason(row.Reason);
        return reasons.Any(r => NormalizeReason(r) == reason);
    }

    public static bool IsReversal(Reimbursement row) => HasReason(row, "Reimbursement_Reversal");

    private static int UnitsOf(Reimbursement r) =>
        r.QuantityReimbursedTotal ?? (r.QuantityReimbursedCash ?? 0) + (r.QuantityReimbursedInventory ?? 0);

    private IEnumerable<ReimbursedRow> Targets(Reimbursement reversal)
    {
        var named = new List<ReimbursedRow>();
        if (!string.IsNullOrEmpty(reversal.OriginalReimbursementId))
        {
            named = _rows.Where(r => r.Row.ReimbursementId == reversal.OriginalReimbursementId).ToList();
            var sameFnsku = named.Where(r => Same(r.Row.Fnsku, reversal.Fnsku)).ToList();
            var sameOrder = named.Where(r => Same(r.Row.AmazonOrderId, reversal.AmazonOrderId)).ToList();
            named = sameFnsku.Count > 0 ? sameFnsku : sameOrder.Count > 0 ? sameOrder : named;
        }
        var type = NormalizeReason(reversal.OriginalReimbursementType);
        var earlier = _rows
            .Where(r => !named.Contains(r) && r.Row.ApprovalDate <= reversal.ApprovalDate)
            .Where(r => type.Length == 0 || NormalizeReason(r.Row.Reason) == type)
            .Where(r => !string.IsNullOrEmpty(reversal.Fnsku)
                ? Same(r.Row.Fnsku, reversal.Fnsku)
                : !string.IsNullOrEmpty(reversal.AmazonOrderId) && Same(r.Row.AmazonOrderId, reversal.AmazonOrderId))
            .OrderByDescending(r => r.Row.ApprovalDate);
        return named.Concat(earlier);
    }

    private static bool Same(string? a, string? b) => !string.IsNullOrEmpty(a) && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
