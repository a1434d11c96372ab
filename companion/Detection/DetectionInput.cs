using Refully.Companion.Detection.Indexes;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection;

/// <summary>
/// Everything the detectors read: the stored records, whichever door they came through. The engine is a
/// function of this, the policy table and a date; it never reads the store itself. Indexes that several
/// detectors share are built once, lazily, here (set the record lists first; they are read once).
/// </summary>
public sealed class DetectionInput
{
    private MarketplaceResolver? _marketplaces;
    private CatalogIndex? _catalog;
    private ReimbursementLedger? _reimbursed;
    private RefundIndex? _refunds;

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

    /// <summary>Builds the shared indexes now (independent ones side by side), so detectors running in parallel only read them.</summary>
    public void BuildIndexes()
    {
        Parallel.Invoke(
            () => _ = Catalog,
            () => _ = Refunds, // builds Marketplaces first
            () => _ = Reimbursed);
    }

    /// <summary>The marketplace of a record or key, and allocation pools.</summary>
    public MarketplaceResolver Marketplaces => _marketplaces ??= new MarketplaceResolver(this);

    /// <summary>FNSKU ↔ SKU ↔ ASIN, and Amazon.Found MSKUs.</summary>
    public CatalogIndex Catalog => _catalog ??= new CatalogIndex(this);

    /// <summary>Reimbursements with the units reversals took back.</summary>
    public ReimbursementLedger Reimbursed => _reimbursed ??= new ReimbursementLedger(Reimbursements);

    /// <summary>Customer refunds of Amazon-fulfilled order lines, and the charges of order lines.</summary>
    public RefundIndex Refunds => _refunds ??= new RefundIndex(Transactions, Marketplaces);
}
