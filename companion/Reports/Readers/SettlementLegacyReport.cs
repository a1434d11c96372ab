using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using static Refully.Companion.Reports.Core.ReportColumn;

namespace Refully.Companion.Reports.Readers;

/// <summary>
/// The legacy 36-column settlement flat file (GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE). Each row fills one
/// of its type/amount column pairs; it becomes the same amount line as in V2 (ItemPrice/Principal,
/// ItemFees/Commission …). A row with only a quantity (the order line head) keeps Amount empty.
/// </summary>
public sealed class SettlementLegacyReport : ITabularReportReader
{
    private static readonly (string AmountType, string? TypeKey, string AmountKey)[] Pairs =
    [
        ("ItemPrice", "priceType", "priceAmount"),
        ("ItemFees", "itemFeeType", "itemFeeAmount"),
        ("ShipmentFees", "shipmentFeeType", "shipmentFeeAmount"),
        ("OrderFees", "orderFeeType", "orderFeeAmount"),
        ("Promotion", "promotionType", "promotionAmount"),
        ("DirectPayment", "directPaymentType", "directPaymentAmount"),
        ("OtherFee", "otherFeeReason", "otherFeeAmount"),
        ("MiscFee", null, "miscFeeAmount"),
        ("Other", null, "otherAmount"),
    ];

    public string Report => "SettlementLegacy";

    public IReadOnlyList<ReportColumn> Columns { get; } =
    [
        Req("settlement", "settlement-id"),
        Req("type", "transaction-type"),
        Req("priceType", "price-type"),
        Req("priceAmount", "price-amount"),
        Req("itemFeeType", "item-related-fee-type"),
        Req("itemFeeAmount", "item-related-fee-amount"),
        Opt("shipmentFeeType", "shipment-fee-type"),
        Opt("shipmentFeeAmount", "shipment-fee-amount"),
        Opt("orderFeeType", "order-fee-type"),
        Opt("orderFeeAmount", "order-fee-amount"),
        Opt("promotionType", "promotion-type"),
        Opt("promotionAmount", "promotion-amount"),
        Opt("directPaymentType", "direct-payment-type"),
        Opt("directPaymentAmount", "direct-payment-amount"),
        Opt("otherFeeReason", "other-fee-reason-description"),
        Opt("otherFeeAmount", "other-fee-amount"),
        Opt("miscFeeAmount", "misc-fee-amount"),
        Opt("otherAmount", "other-amount"),
        Opt("currency", "currency"),
        Opt("order", "order-id"),
        Opt("merchantOrder", "merchant-order-id"),
        Opt("adjustment", "adjustment-id"),
        Opt("shipment", "shipment-id"),
        Opt("marketplace", "marketplace-name"),
        Opt("fulfillment", "fulfillment-id"),
        Opt("posted", "posted-date"),
        Opt("item", "order-item-code"),
        Opt("sku", "sku"),
        Opt("quantity", "quantity-purchased"),
    ];

    public void Read(ReportRow row, IRecordSink sink)
    {
        var typeText = row.Text("type");
        if (typeText is null)
        {
            return; // the settlement summary row
        }
        var transaction = SettlementRows.Start(row, Report, typeText, row.Timestamp("posted", required: true));
        foreach (var (amountType, typeKey, amountKey) in Pairs)
        {
            var amount = row.Decimal(amountKey);
            if (amount is null)
            {
                continue;
            }
            transaction.AmountType = amountType;
            transaction.AmountDescription = typeKey is null ? null : row.Text(typeKey);
            transaction.Amount = amount;
            transaction.ProductSales = SettlementRows.IsPrincipal(amountType, transaction.AmountDescription) ? amount : null;
            break;
        }
        sink.Add(transaction);
    }
}
