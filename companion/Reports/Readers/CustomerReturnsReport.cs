using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using static Refully.Companion.Reports.Core.ReportColumn;

namespace Refully.Companion.Reports.Readers;

/// <summary>
/// FBA customer returns (GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA), English download keys or the Japanese
/// CSV headers (labels.md §3, verified); `status` is optional (absent in AE and JP files). Japanese
/// disposition words become Amazon's codes. The file does not say its marketplace.
/// </summary>
public sealed class CustomerReturnsReport : ITabularReportReader
{
    public string Report => "CustomerReturns";

    public IReadOnlyList<ReportColumn> Columns { get; } =
    [
        Req("date", "return-date", "返品日"),
        Req("order", "order-id", "amazon-order-id", "注文番号"),
        Req("disposition", "detailed-disposition", "商品の状態"),
        Req("quantity", "quantity", "数量"),
        Opt("sku", "sku", "出品者SKU"),
        Opt("asin", "asin"),
        Opt("fnsku", "fnsku"),
        Opt("fc", "fulfillment-center-id", "FC"),
        Opt("reason", "reason", "理由"),
        Opt("status", "status"),
        Opt("lpn", "license-plate-number", "lpn"),
        Opt("comments", "customer-comments", "お客様のコメント"),
    ];

    public void Read(ReportRow row, IRecordSink sink)
    {
        sink.Add(new CustomerReturn
        {
            ReturnDate = row.Timestamp("date", required: true) ?? default,
            OrderId = row.Id("order", required: true) ?? "",
            Sku = row.Text("sku"),
            Asin = row.Id("asin"),
            Fnsku = row.Id("fnsku"),
            Quantity = row.Int("quantity", required: true) ?? 0,
            FulfillmentCenterId = row.Text("fc"),
            DetailedDisposition = LedgerVocabulary.Disposition(row.Text("disposition")),
            Reason = row.Text("reason"),
            Status = row.Text("status"),
            LicensePlateNumber = row.Id("lpn"),
            CustomerComments = row.Text("comments"),
        });
    }
}
