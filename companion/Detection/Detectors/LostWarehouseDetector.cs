namespace Refully.Companion.Detection.Detectors;

/// <summary>
/// Units Amazon lost in its warehouse (claims.md §2): ledger Adjustments M/5 (negative), offset FIFO by found
/// units (Adjustments F/N, positive) and Lost_Warehouse reimbursements of the same FNSKU.
/// </summary>
public sealed class LostWarehouseDetector : IDetector, ILedgerLossDetector
{
    internal static readonly LedgerLossRule Rule = new(
        ClaimType.LostWarehouse,
        e => e.EventType == Domain.Records.LedgerEventType.Adjustments && Text.Code(e.Reason) is "M" or "5" && e.Quantity < 0,
        e => e.EventType == Domain.Records.LedgerEventType.Adjustments && Text.Code(e.Reason) is "F" or "N" && e.Quantity > 0,
        ["Lost_Warehouse"],
        "recorded lost in the warehouse");

    public ClaimType Type => ClaimType.LostWarehouse;

    public Confidence Confidence => Confidence.High;

    public IEnumerable<Candidate> Detect(DetectionInput input) => LedgerLosses.Detect(input, Rule);

    LedgerLossRule ILedgerLossDetector.Rule => Rule;
}
