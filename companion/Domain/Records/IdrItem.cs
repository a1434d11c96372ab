namespace Refully.Companion.Domain.Records;

/// <summary>Tabs of the Inventory Defect and Reimbursement (IDR) portal.</summary>
public enum IdrTab
{
    Unknown,
    EligibleForClaim,
    InProgress,
    Resolved,
}

/// <summary>
/// One row of the Inventory Defect and Reimbursement portal: a defect Amazon lists as eligible for a claim,
/// in progress or resolved. No report carries it, so only pages produce it. An item moves between tabs as it
/// is claimed and decided: the tab is not part of the key, so the move updates the same item.
/// </summary>
public sealed class IdrItem : DomainRecord
{
    public IdrTab Tab { get; set; }

    /// <summary>As shown (Warehouse lost, Warehouse damage, Customer damage …).</summary>
    public string? DefectType { get; set; }

    public string? OrderId { get; set; }

    /// <summary>Transaction item id / reference id, when the row shows one.</summary>
    public string? TransactionId { get; set; }

    public string? Fnsku { get; set; }
    public string? Sku { get; set; }
    public int? Quantity { get; set; }
    public DateOnly? Date { get; set; }

    /// <summary>The resolution decision (Resolved tab) or the state text (In progress).</summary>
    public string? Decision { get; set; }

    public decimal? Amount { get; set; }
    public string? Currency { get; set; }

    public override DateOnly? RecordDate => Date;

    public override string NaturalKey() => RecordKey.Join(DefectType, TransactionId, OrderId, Fnsku);
}
