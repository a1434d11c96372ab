using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using static Refully.Companion.Reports.Core.ReportColumn;

namespace Refully.Companion.Reports.Readers;

/// <summary>
/// All Orders (GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE/LAST_UPDATE_GENERAL). The ship-city/state/postal
/// code/country columns are never read. The marketplace comes from sales-channel.
/// </summary>
public sealed class AllOrdersReport : ITabularReportReader
{
    public string Report => "AllOrders";

    public IReadOnlyList<ReportColumn> Columns { get; } =
    [
        Req("order", "amazon-order-id"),
        Req("purchase", "purchase-date"),
        Req("status", "order-status"),
        Req("itemStatus", "item-status"),
        Opt("merchantOrder", "merchant-order-id"),
        Opt("orderItem", "order-item-id"),
        Opt("updated", "last-updated-date"),
        Opt("channel", "fulfillment-channel"),
        Opt("salesChannel", "sales-channel"),
        Opt("sku", "sku"),
        Opt("asin", "asin"),
        Opt("quantity", "quantity"),
        Opt("currency", "currency"),
        Opt("itemPrice", "item-price"),
        Opt("itemTax", "item-tax"),
        Opt("shippingPrice", "shipping-price"),
        Opt("shippingTax", "shipping-tax"),
        Opt("giftPrice", "gift-wrap-price"),
        Opt("giftTax", "gift-wrap-tax"),
        Opt("itemPromo", "item-promotion-discount"),
        Opt("shipPromo", "ship-promotion-discount"),
        Opt("business", "is-business-order"),
    ];

    public void Read(ReportRow row, IRecordSink sink)
    {
        var salesChannel = row.Text("salesChannel");
        sink.Add(new OrderLine
        {
            AmazonOrderId = row.Id("order", required: true) ?? "",
            PurchaseDate = row.Timestamp("purchase", required: true) ?? default,
            OrderStatus = row.Text("status"),
            ItemStatus = row.Text("itemStatus"),
            MerchantOrderId = row.Id("merchantOrder"),
            OrderItemId = row.Id("orderItem"),
            LastUpdatedDate = row.Timestamp("updated"),
            FulfillmentChannel = RowValues.Fulfillment(row.Text("channel")),
            SalesChannel = salesChannel,
            Sku = row.Text("sku"),
            Asin = row.Id("asin"),
            Quantity = row.Int("quantity"),
            Currency = row.Text("currency"),
            ItemPrice = row.Amount("itemPrice"),
            ItemTax = row.Amount("itemTax"),
            ShippingPrice = row.Amount("shippingPrice"),
            ShippingTax = row.Amount("shippingTax"),
            GiftWrapPrice = row.Amount("giftPrice"),
            GiftWrapTax = row.Amount("giftTax"),
            ItemPromotionDiscount = row.Amount("itemPromo"),
            ShipPromotionDiscount = row.Amount("shipPromo"),
            IsBusinessOrder = row.Flag("business"),
            Marketplace = RegionSplit.FromName(salesChannel),
        });
    }
}
