using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using static Refully.Companion.Reports.Core.ReportColumn;

namespace Refully.Companion.Reports.Readers;

/// <summary>
/// Amazon-fulfilled shipments (GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL), 48 columns, JP adds
/// points-granted. Buyer e-mail/name/phone, recipient and ship/bill address columns are never read.
/// The marketplace comes from sales-channel ("Amazon.co.jp").
/// </summary>
public sealed class AmazonFulfilledShipmentsReport : ITabularReportReader
{
    public string Report => "AmazonFulfilledShipments";

    public IReadOnlyList<ReportColumn> Columns { get; } =
    [
        Req("order", "amazon-order-id"),
        Req("shipment", "shipment-id"),
        Req("item", "shipment-item-id"),
        Req("shipped", "shipment-date"),
        Opt("merchantOrder", "merchant-order-id"),
        Opt("orderItem", "amazon-order-item-id"),
        Opt("purchase", "purchase-date"),
        Opt("payments", "payments-date"),
        Opt("reporting", "reporting-date"),
        Opt("sku", "sku"),
        Opt("quantity", "quantity-shipped"),
        Opt("currency", "currency"),
        Opt("itemPrice", "item-price"),
        Opt("itemTax", "item-tax"),
        Opt("shippingPrice", "shipping-price"),
        Opt("shippingTax", "shipping-tax"),
        Opt("giftPrice", "gift-wrap-price"),
        Opt("giftTax", "gift-wrap-tax"),
        Opt("itemPromo", "item-promotion-discount"),
        Opt("shipPromo", "ship-promotion-discount"),
        Opt("level", "ship-service-level"),
        Opt("carrier", "carrier"),
        Opt("tracking", "tracking-number"),
        Opt("fc", "fulfillment-center-id"),
        Opt("channel", "fulfillment-channel"),
        Opt("salesChannel", "sales-channel"),
        Opt("points", "points-granted"),
    ];

    public void Read(ReportRow row, IRecordSink sink)
    {
        var salesChannel = row.Text("salesChannel");
        sink.Add(new ShipmentLine
        {
            AmazonOrderId = row.Id("order", required: true) ?? "",
            ShipmentId = row.Id("shipment", required: true) ?? "",
            ShipmentItemId = row.Id("item", required: true) ?? "",
            ShipmentDate = row.Timestamp("shipped", required: true) ?? default,
            MerchantOrderId = row.Id("merchantOrder"),
            AmazonOrderItemId = row.Id("orderItem"),
            PurchaseDate = row.Timestamp("purchase"),
            PaymentsDate = row.Timestamp("payments"),
            ReportingDate = row.Timestamp("reporting"),
            Sku = row.Text("sku"),
            QuantityShipped = row.Int("quantity"),
            Currency = row.Text("currency"),
            ItemPrice = row.Amount("itemPrice"),
            ItemTax = row.Amount("itemTax"),
            ShippingPrice = row.Amount("shippingPrice"),
            ShippingTax = row.Amount("shippingTax"),
            GiftWrapPrice = row.Amount("giftPrice"),
            GiftWrapTax = row.Amount("giftTax"),
            ItemPromotionDiscount = row.Amount("itemPromo"),
            ShipPromotionDiscount = row.Amount("shipPromo"),
            ShipServiceLevel = row.Text("level"),
            Carrier = row.Text("carrier"),
            TrackingNumber = row.Id("tracking"),
            FulfillmentCenterId = row.Text("fc"),
            FulfillmentChannel = row.Text("channel"),
            SalesChannel = salesChannel,
            PointsGranted = row.Int("points"),
            Marketplace = RegionSplit.FromName(salesChannel),
        });
    }
}
