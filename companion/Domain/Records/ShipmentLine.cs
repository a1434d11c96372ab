namespace Refully.Companion.Domain.Records;

/// <summary>
/// One row of the Amazon-fulfilled shipments report: an item of a customer order shipped from an FC.
/// Buyer and recipient names, e-mails, phones and addresses are never read.
/// </summary>
public sealed class ShipmentLine : DomainRecord
{
    public string AmazonOrderId { get; set; } = "";
    public string? MerchantOrderId { get; set; }

    /// <summary>Outbound shipment id (e.g. Dlvj7BYxk), not an inbound FBA… id.</summary>
    public string ShipmentId { get; set; } = "";

    public string ShipmentItemId { get; set; } = "";
    public string? AmazonOrderItemId { get; set; }
    public DateTimeOffset? PurchaseDate { get; set; }
    public DateTimeOffset? PaymentsDate { get; set; }
    public DateTimeOffset ShipmentDate { get; set; }
    public DateTimeOffset? ReportingDate { get; set; }
    public string? Sku { get; set; }
    public int? QuantityShipped { get; set; }
    public string? Currency { get; set; }
    public decimal? ItemPrice { get; set; }
    public decimal? ItemTax { get; set; }
    public decimal? ShippingPrice { get; set; }
    public decimal? ShippingTax { get; set; }
    public decimal? GiftWrapPrice { get; set; }
    public decimal? GiftWrapTax { get; set; }
    public decimal? ItemPromotionDiscount { get; set; }
    public decimal? ShipPromotionDiscount { get; set; }
    public string? ShipServiceLevel { get; set; }
    public string? Carrier { get; set; }
    public string? TrackingNumber { get; set; }
    public string? FulfillmentCenterId { get; set; }

    /// <summary>AFN (Amazon) or MFN.</summary>
    public string? FulfillmentChannel { get; set; }

    public string? SalesChannel { get; set; }

    /// <summary>Amazon points granted (JP only).</summary>
    public int? PointsGranted { get; set; }

    public override DateOnly? RecordDate => DateOnly.FromDateTime(ShipmentDate.DateTime);

    public override string NaturalKey() => RecordKey.Join(AmazonOrderId, ShipmentId, ShipmentItemId);
}
