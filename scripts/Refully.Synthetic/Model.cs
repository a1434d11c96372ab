namespace Refully.Synthetic;

/// <summary>
/// One marketplace as its reports show it. The US is the seller's home; the UK stands for the seller's
/// Seller Central Europe account (English reports, its own currency, the EU/UK customer-return windows).
/// </summary>
public sealed record Market(
    string Code,
    string Currency,
    string LedgerCountry,
    string SiteName,
    string[] OrderPrefixes,
    string[] FulfillmentCenters,
    int RefundWait,
    int RefundWindow)
{
    public static Market Us { get; } = new("US", "USD", "US", "amazon.com", ["111", "112", "113", "114"],
        ["PHX6", "LGB8", "ONT8", "MDW2", "TEB9", "SMF3"], 60, 120);

    public static Market Uk { get; } = new("UK", "GBP", "GB", "amazon.co.uk", ["202", "203", "204", "206"],
        ["LTN1", "BHX4", "MAN1", "EUK5"], 45, 105);

    public bool IsUs => Code == "US";
}

/// <summary>A product the seller sends to FBA in one marketplace. Cost is null when the costs file does not list it.</summary>
public sealed record Product(Market Market, string Sku, string Fnsku, string Asin, string Title, decimal Price, decimal? Cost);

/// <summary>One Inventory Ledger detail row. <see cref="Msku"/> and <see cref="Fnsku"/> override the product's (Amazon.Found rows).</summary>
public sealed record LedgerRow(
    DateOnly Date, Product Product, string EventType, string ReferenceId, int Quantity, string Fc, string Disposition,
    string Reason = "", int? Reconciled = null, int? Unreconciled = null, string? Msku = null, string? Fnsku = null);

/// <summary>One FBA Reimbursements row. Cash and inventory units are negative on a reversal.</summary>
public sealed record ReimbursementRow(
    DateOnly Approval, string Id, string? CaseId, string? OrderId, string Reason, Product Product, decimal AmountPerUnit,
    int Cash, int Inventory, string? OriginalId = null, string? OriginalType = null);

/// <summary>One FBA customer returns row.</summary>
public sealed record ReturnRow(
    DateOnly Date, int UtcHour, string OrderId, Product Product, int Quantity, string Fc, string Disposition, string Reason,
    string Status, string Lpn, string Comments);

/// <summary>One Date Range Transaction report row (amounts signed as Amazon writes them).</summary>
public sealed record TransactionRow(
    Market Market, DateOnly Date, int LocalMinute, string SettlementId, string Type, string OrderId, Product? Product, string Description,
    int? Quantity, string Fulfillment, decimal ProductSales, decimal ProductSalesTax, decimal ShippingCredits,
    decimal SellingFees, decimal FbaFees, decimal Other)
{
    public decimal Total => ProductSales + ProductSalesTax + ShippingCredits + MarketplaceWithheldTax + SellingFees + FbaFees + Other;

    /// <summary>Marketplace-facilitator tax: collected and withheld by Amazon, so it cancels the sales tax in the total.</summary>
    public decimal MarketplaceWithheldTax => -ProductSalesTax;
}

/// <summary>An inbound shipment (SP-API getShipments) and its items (getShipmentItems).</summary>
public sealed record Shipment(string Id, string Name, string Status, string Fc, List<ShipmentItem> Items);

public sealed record ShipmentItem(Product Product, int Shipped, int Received);

/// <summary>One Removal Order Detail row.</summary>
public sealed record RemovalRow(
    DateOnly Requested, string OrderId, string Type, string Status, DateOnly LastUpdated, Product Product, string Disposition,
    int RequestedQty, int Cancelled, int Disposed, int Shipped, int InProcess, decimal Fee);
