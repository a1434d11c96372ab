namespace Refully.Companion.Domain.Records;

/// <summary>A transaction's kind, normalised to English whatever the report's language.</summary>
public enum TransactionType
{
    Other,
    Order,
    Refund,
    Adjustment,
    Transfer,
    ServiceFee,
    FbaInventoryFee,
    FbaCustomerReturnFee,
    FbaTransactionFee,
    FeeAdjustment,
    Debt,
    LightningDealFee,
    ChargebackRefund,
    OrderRetrocharge,
    RefundRetrocharge,
    Liquidations,
    LiquidationsAdjustment,
    AtoZGuaranteeClaim,
    ShippingServices,
    AmazonFees,
    DeliveryServices,
}

/// <summary>
/// One money movement from a settlement flat file (one amount line per row) or the Date Range Transaction
/// report (one transaction per row, amounts split into columns). Every amount is in <see cref="Currency"/>.
/// </summary>
public sealed class Transaction : DomainRecord
{
    /// <summary>The report it came from: SettlementV2, SettlementLegacy or DateRangeTransactions.</summary>
    public string Source { get; set; } = "";

    public DateTimeOffset Date { get; set; }
    public string? SettlementId { get; set; }
    public TransactionType Type { get; set; }

    /// <summary>The type word as written (Erstattung, 返金, other-transaction …).</summary>
    public string? TypeText { get; set; }

    public string? OrderId { get; set; }
    public string? MerchantOrderId { get; set; }
    public string? AdjustmentId { get; set; }
    public string? ShipmentId { get; set; }
    public string? OrderItemCode { get; set; }
    public string? Sku { get; set; }
    public string? Description { get; set; }
    public int? Quantity { get; set; }
    public Fulfillment Fulfillment { get; set; }
    public string? Currency { get; set; }

    /// <summary>Settlement amount line: type (ItemPrice, ItemFees, FBA Inventory Reimbursement …), description (Principal, Commission …) and amount.</summary>
    public string? AmountType { get; set; }

    public string? AmountDescription { get; set; }
    public decimal? Amount { get; set; }

    /// <summary>Principal of the sale or refund (date-range `product sales`; settlement ItemPrice/Principal).</summary>
    public decimal? ProductSales { get; set; }

    public decimal? ProductSalesTax { get; set; }
    public decimal? ShippingCredits { get; set; }
    public decimal? GiftWrapCredits { get; set; }
    public decimal? PromotionalRebates { get; set; }
    public decimal? SellingFees { get; set; }
    public decimal? FbaFees { get; set; }
    public decimal? OtherTransactionFees { get; set; }
    public decimal? Other { get; set; }
    public decimal? Total { get; set; }

    public override DateOnly? RecordDate => DateOnly.FromDateTime(Date.DateTime);

    public override string NaturalKey() => RecordKey.Join(Source, SettlementId, Date, TypeText, OrderId, AdjustmentId,
        OrderItemCode, Sku, Description, AmountType, AmountDescription, Amount, Total, Quantity);
}
