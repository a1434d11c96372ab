using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Detectors;

/// <summary>
/// Units Amazon damaged in its warehouse (claims.md §2): ledger Adjustments 6/7/E/H/K/U (negative; the paired
/// P row that moves them into the damaged disposition is not a loss), offset FIFO by Damaged_Warehouse
/// reimbursements of the same FNSKU.
/// </summary>
public sealed class DamagedWarehouseDetector : IDetector, ILedgerLossDetector
{
    internal static readonly LedgerLossRule Rule = new(
        ClaimType.DamagedWarehouse,
        e => e.EventType == LedgerEventType.Adjustments && Text.Code(e.Reason) is "6" or "7" or "E" or "H" or "K" or "U" && e.Quantity < 0,
        _ => false,
        ["Damaged_Warehouse"],
        "recorded damaged in the warehouse");

    public ClaimType Type => ClaimType.DamagedWarehouse;

    public Confidence Confidence => Confidence.High;

    public IEnumerable<Candidate> Detect(DetectionInput input) => LedgerLosses.Detect(input, Rule);

    LedgerLossRule ILedgerLossDetector.Rule => Rule;
}
