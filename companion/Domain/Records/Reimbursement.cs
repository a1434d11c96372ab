namespace Refully.Companion.Domain.Records;

/// <summary>One row of the FBA Reimbursements report (region-level: marketplace from the currency).</summary>
public sealed class Reimbursement : DomainRecord
{
    public DateTimeOffset ApprovalDate { get; set; }
    public string ReimbursementId { get; set; } = "";
    public string? CaseId { get; set; }
    public string? AmazonOrderId { get; set; }

    /// <summary>As written (Lost_Warehouse, Damaged_Warehouse, CustomerReturn, Reimbursement_Reversal …).</summary>
    public string? Reason { get; set; }

    public string? Sku { get; set; }
    public string? Fnsku { get; set; }
    public string? Asin { get; set; }
    public string? Condition { get; set; }
    public string? Currency { get; set; }
    public decimal? AmountPerUnit { get; set; }
    public decimal? AmountTotal { get; set; }
    public int? QuantityReimbursedCash { get; set; }
    public int? QuantityReimbursedInventory { get; set; }
    public int? QuantityReimbursedTotal { get; set; }
    public string? OriginalReimbursementId { get; set; }
    public string? OriginalReimbursementType { get; set; }

    public override DateOnly? RecordDate => DateOnly.FromDateTime(ApprovalDate.DateTime);

    /// <summary>Same-day same-issue reimbursements share an id across FNSKUs, so the FNSKU/SKU is part of the key.</summary>
    public override string NaturalKey() => RecordKey.Join(ReimbursementId, Fnsku, Sku, Reason, AmazonOrderId);
}
