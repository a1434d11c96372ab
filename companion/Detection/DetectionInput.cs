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
    private readonly Lazy<LedgerIndex> _ledger;
    private readonly Lazy<ReimbursementLedger> _reimbursed;
    private readonly Lazy<RefundIndex> _refunds;

    public DetectionInput()
    {
        // Thread-safe: BuildIndexes builds them side by side, and an index that needs another waits for it.
        _ledger = new(() => new LedgerIndex(this));
        _reimbursed = new(() => new ReimbursementLedger(Reimbursements));
        _refunds = new(() => new RefundIndex(Transactions, () => Marketplaces));
    }

    /// <summary>
    /// An input over <paramref name="lists"/>' record lists with its shared indexes given, already built (an
    /// incremental run, <see cref="IncrementalDetection"/>: the indexes of the previous input carried forward).
    /// </summary>
    internal DetectionInput(DetectionInput lists, LedgerIndex ledger, ReimbursementLedger reimbursed, RefundIndex refunds)
    {
        _ledger = new(ledger);
        _reimbursed = new(reimbursed);
        _refunds = new(refunds);
        Ledger = lists.Ledger;
        Reimbursements = lists.Reimbursements;
        Returns = lists.Returns;
        Replacements = lists.Replacements;
        Transactions = lists.Transactions;
        InboundShipments = lists.InboundShipments;
        InboundItems = lists.InboundItems;
        Removals = lists.Removals;
        Fees = lists.Fees;
        Costs = lists.Costs;
    }

    /// <summary>
    /// What detectors worked out during a run over this input that an incremental run can continue from (e.g. the
    /// ledger-loss groups, <see cref="Detectors.LedgerLosses"/>), by claim type. Written once per detector per run.
    /// </summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<ClaimType, object> Worked { get; } = new();

    /// <summary>The shared indexes, once built (for an incremental run to carry forward).</summary>
    internal (LedgerIndex Ledger, ReimbursementLedger Reimbursed, RefundIndex Refunds) Indexes => (_ledger.Value, _reimbursed.Value, _refunds.Value);

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
            () => _ = _ledger.Value, // one pass over the ledger: catalog, marketplaces, rows by event type
            () => _ = Refunds, // waits for the marketplaces only for a refund with no marketplace or currency of its own
            () => _ = Reimbursed);
    }

    /// <summary>The marketplace of a record or key, and allocation pools.</summary>
    public MarketplaceResolver Marketplaces => _ledger.Value.Marketplaces;

    /// <summary>FNSKU ↔ SKU ↔ ASIN, and Amazon.Found MSKUs.</summary>
    public CatalogIndex Catalog => _ledger.Value.Catalog;

    /// <summary>Reimbursements with the units reversals took back.</summary>
    public ReimbursementLedger Reimbursed => _reimbursed.Value;

    /// <summary>Customer refunds of Amazon-fulfilled order lines, and the charges of order lines.</summary>
    public RefundIndex Refunds => _refunds.Value;

    /// <summary>The ledger rows of one event type, in ledger order (from the same pass as the catalog and marketplaces).</summary>
    internal IReadOnlyList<LedgerEvent> LedgerRows(LedgerEventType type) => _ledger.Value.Rows(type);

    /// <summary>Each MSKU's FNSKU as the first ledger row naming both spells it (from the same pass).</summary>
    internal IReadOnlyDictionary<string, string> LedgerFnskuByMsku => _ledger.Value.FnskuByMsku;
}
