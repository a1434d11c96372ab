using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using static Refully.Companion.Reports.Core.ReportColumn;

namespace Refully.Companion.Reports.Readers;

/// <summary>Removal Shipment Detail (GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA): carrier and tracking of removed units.</summary>
public sealed class RemovalShipmentDetailReport : ITabularReportReader
{
    public string Report => "RemovalShipmentDetail";

    public IReadOnlyList<ReportColumn> Columns { get; } =
    [
        Req("order", "order-id"),
        Req("shipped", "shipment-date"),
        Req("fnsku", "fnsku"),
        Req("quantity", "shipped-quantity"),
        Opt("requested", "request-date"),
        Opt("sku", "sku"),
        Opt("disposition", "disposition"),
        Opt("carrier", "carrier"),
        Opt("tracking", "tracking-number"),
        Opt("type", "removal-order-type"),
    ];

    public void Read(ReportRow row, IRecordSink sink)
    {
        sink.Add(new RemovalShipment
        {
            OrderId = row.Id("order", required: true) ?? "",
            ShipmentDate = row.Timestamp("shipped", required: true) ?? default,
            Fnsku = row.Id("fnsku", required: true) ?? "",
            ShippedQuantity = row.Int("quantity", required: true) ?? 0,
            RequestDate = row.Timestamp("requested"),
            Sku = row.Text("sku"),
            Disposition = LedgerVocabulary.Disposition(row.Text("disposition")),
            Carrier = row.Text("carrier"),
            TrackingNumber = row.Id("tracking"),
            RemovalOrderType = row.Text("type"),
        });
    }
}
