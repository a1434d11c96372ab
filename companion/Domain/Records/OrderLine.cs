namespace Refully.Companion.Domain.Records;

/// <summary>Sales channel that fulfils an order or a transaction.</summary>
public enum Fulfillment
{
    Unknown,
    Amazon,
    Merchant,
}

/// <summary>One row of the All Orders report: an order item (no buyer data; ship-to columns are never read).</summary>
public sealed class OrderLine : DomainRecord
{
    public string AmazonOrderId { get; set; } = "";
    public string? MerchantOrderId { get; set; }
    public string? OrderItemId { get; set; }
    public DateTimeOffset PurchaseDate { get; set; }
    public DateTimeOffset? LastUpdatedDate { get; set; }
    public string? OrderStatus { get; set; }
    public Fulfillment FulfillmentChannel { get; set; }
    public string? SalesChannel { get; set; }
    public string? Sku { get; set; }
    public string? Asin { get; set; }
    public string? ItemStatus { get; set; }
    public int? Quantity { get; set; }
    public string? Currency { get; set; }
    public decimal? ItemPrice { get; set; }
    public decimal? ItemTax { get; set; }
    public decimal? ShippingPrice { get; set; }
    public decimal? ShippingTax { get; set; }
    public decimal? GiftWrapPrice { get; set; }
    public decimal? GiftWrapTax { get; set; }
    public decimal? ItemPromotionDiscount { get; set; }
    public decimal? ShipPromotionDiscount { get; set; }
    public bool? IsBusinessOrder { get; set; }

    public override DateOnly? RecordDate => DateOnly.FromDateTime(PurchaseDate.DateTime);

    /// <summary>Status and dates change as the order progresses; a later download updates the same line.</summary>
    public override string NaturalKey() => RecordKey.Join(AmazonOrderId, OrderItemId, Sku, Asin);
}
