namespace Refully.Companion.Domain.Records;

/// <summary>One row of the FBA replacements report: a replacement order shipped for an original order.</summary>
public sealed class Replacement : DomainRecord
{
    public DateTimeOffset ShipmentDate { get; set; }
    public string? Sku { get; set; }
    public string? Asin { get; set; }
    public string? FulfillmentCenterId { get; set; }
    public string? OriginalFulfillmentCenterId { get; set; }
    public int? Quantity { get; set; }
    public string? ReplacementReasonCode { get; set; }
    public string ReplacementAmazonOrderId { get; set; } = "";
    public string OriginalAmazonOrderId { get; set; } = "";

    public override DateOnly? RecordDate => DateOnly.FromDateTime(ShipmentDate.DateTime);

    public override string NaturalKey() => RecordKey.Join(ReplacementAmazonOrderId, OriginalAmazonOrderId, Sku, Asin);
}
