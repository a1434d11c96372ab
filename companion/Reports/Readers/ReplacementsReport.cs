using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using static Refully.Companion.Reports.Core.ReportColumn;

namespace Refully.Companion.Reports.Readers;

/// <summary>FBA replacements (GET_FBA_FULFILLMENT_CUSTOMER_SHIPMENT_REPLACEMENT_DATA): replacement vs original order.</summary>
public sealed class ReplacementsReport : ITabularReportReader
{
    public string Report => "Replacements";

    public IReadOnlyList<ReportColumn> Columns { get; } =
    [
        Req("date", "shipment-date"),
        Req("replacement", "replacement-amazon-order-id"),
        Req("original", "original-amazon-order-id"),
        Opt("sku", "sku"),
        Opt("asin", "asin"),
        Opt("fc", "fulfillment-center-id"),
        Opt("originalFc", "original-fulfillment-center-id"),
        Opt("quantity", "quantity"),
        Opt("reason", "replacement-reason-code"),
    ];

    public void Read(ReportRow row, IRecordSink sink)
    {
        sink.Add(new Replacement
        {
            ShipmentDate = row.Timestamp("date", required: true) ?? default,
            ReplacementAmazonOrderId = row.Id("replacement", required: true) ?? "",
            OriginalAmazonOrderId = row.Id("original", required: true) ?? "",
            Sku = row.Text("sku"),
            Asin = row.Id("asin"),
            FulfillmentCenterId = row.Text("fc"),
            OriginalFulfillmentCenterId = row.Text("originalFc"),
            Quantity = row.Int("quantity"),
            ReplacementReasonCode = row.Text("reason"),
        });
    }
}
