using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Detectors;

/// <summary>
/// Units received carrier-damaged (claims.md §3): ledger Receipts with disposition CARRIER_DAMAGED (positive),
/// offset FIFO by Damaged_Inbound reimbursements of the FNSKU. One candidate per shipment + FNSKU.
/// </summary>
public sealed class InboundCarrierDamagedDetector : IDetector, ILedgerLossDetector
{
    internal static readonly LedgerLossRule Rule = new(
        ClaimType.InboundCarrierDamaged,
        e => e.EventType == LedgerEventType.Receipts && e.Quantity > 0
            && string.Equals(e.Disposition, "CARRIER_DAMAGED", StringComparison.OrdinalIgnoreCase),
        _ => false,
        ["Damaged_Inbound"],
        "received carrier-damaged",
        KeyedByShipment: true,
        Scans: LedgerEventType.Receipts,
        Note: "Amazon pays for carrier damage only on its partnered carriers; with your own carrier the claim goes to the carrier. Check the shipment's carrier and photos before filing.");

    public ClaimType Type => ClaimType.InboundCarrierDamaged;

    public Confidence Confidence => Confidence.Review;

    public IEnumerable<Candidate> Detect(DetectionInput input) => LedgerLosses.Detect(input, Rule);

    LedgerLossRule ILedgerLossDetector.Rule => Rule;
}
