using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection;

/// <summary>
/// Everything the detectors read: the stored records, whichever door they came through. The engine is a
/// function of this, the policy table and a date; it never reads the store itself. Indexes that several
/// detectors share are built once, lazily, here.
/// </summary>
public sealed class DetectionInput
{
    public IReadOnlyList<LedgerEvent> Ledger { get; init; } = [];
    public IReadOnlyList<Reimbursement> Reimbursements { get; init; } = [];
    public IReadOnlyList<CustomerReturn> Returns { get; init; } = [];
    public IReadOnlyList<Replacement> Replacements { get; init; } = [];
    public IReadOnlyList<Transaction> Transactions { get; init; } = [];
    public IReadOnlyList<InboundShipment> InboundShipments { get; init; } = [];
    public IReadOnlyList<InboundShipmentItem> InboundItems { get; init; } = [];
    public IReadOnlyList<RemovalOrderLine> Removals { get; init; } = [];
    public IReadOnlyList<FeeEstimate> Fees { get; init; } = [];
    public IReadOnlyList<UnitCost> Costs { get; init; } = [];
}
