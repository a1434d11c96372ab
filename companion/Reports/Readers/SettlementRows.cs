using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;

namespace Refully.Companion.Reports.Readers;

/// <summary>The columns both settlement flat files (V2 and the legacy one) share, read into a <see cref="Transaction"/>.</summary>
public static class SettlementRows
{
    /// <summary>
    /// A transaction with the shared settlement columns filled. The reader must declare the keys settlement,
    /// currency, order, merchantOrder, adjustment, shipment, marketplace, fulfillment, item, sku, quantity.
    /// </summary>
    public static Transaction Start(ReportRow row, string source, string typeText, DateTimeOffset? posted)
    {
        var marketplace = RegionSplit.FromName(row.Text("marketplace"));
        return new Transaction
        {
            Source = source,
            Date = posted ?? default,
            SettlementId = row.Id("settlement", required: true),
            Type = TransactionVocabulary.Type(typeText),
            TypeText = typeText,
            OrderId = row.Id("order"),
            MerchantOrderId = row.Id("merchantOrder"),
            AdjustmentId = row.Id("adjustment"),
            ShipmentId = row.Id("shipment"),
            OrderItemCode = row.Id("item"),
            Sku = row.Text("sku"),
            Quantity = row.Int("quantity"),
            Fulfillment = RowValues.Fulfillment(row.Text("fulfillment")),
            Currency = row.Text("currency") ?? RegionSplit.CurrencyOf(marketplace),
            Marketplace = marketplace,
        };
    }

    /// <summary>True for the sale/refund principal line (ItemPrice / Principal).</summary>
    public static bool IsPrincipal(string? amountType, string? description) =>
        string.Equals(description, "Principal", StringComparison.OrdinalIgnoreCase)
        && (amountType is null || HeaderMap.Normalize(amountType) == "itemprice");
}
