using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using static Refully.Companion.Reports.Core.ReportColumn;

namespace Refully.Companion.Reports.Readers;

/// <summary>
/// Removal Order Detail (GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA), English keys or the Japanese CSV
/// headers (labels.md §3, verified); JP order types, statuses and dispositions become the English words.
/// </summary>
public sealed class RemovalOrderDetailReport : ITabularReportReader
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["返送"] = "Return",
        ["処分"] = "Disposal",
        ["完了"] = "Completed",
        ["キャンセルされました"] = "Cancelled",
    };

    public string Report => "RemovalOrderDetail";

    public IReadOnlyList<ReportColumn> Columns { get; } =
    [
        Req("requested", "request-date", "依頼日"),
        Req("order", "order-id", "依頼番号"),
        Req("fnsku", "fnsku"),
        Req("requestedQty", "requested-quantity", "依頼した数"),
        Opt("type", "order-type", "依頼のタイプ"),
        Opt("speed", "service-speed"),
        Opt("status", "order-status", "依頼のステータス"),
        Opt("updated", "last-updated-date", "更新日"),
        Opt("sku", "sku", "出品者SKU"),
        Opt("disposition", "disposition", "商品のステータス"),
        Opt("cancelled", "cancelled-quantity", "キャンセルした数"),
        Opt("disposed", "disposed-quantity", "廃棄した数"),
        Opt("shipped", "shipped-quantity", "発送した数"),
        Opt("inProcess", "in-process-quantity", "処理中の数"),
        Opt("fee", "removal-fee", "返送/廃棄手数料"),
        Opt("currency", "currency", "通貨"),
        Opt("source", "order-source"),
    ];

    public void Read(ReportRow row, IRecordSink sink)
    {
        var currency = row.Text("currency");
        sink.Add(new RemovalOrderLine
        {
            RequestDate = row.Timestamp("requested", required: true) ?? default,
            OrderId = row.Id("order", required: true) ?? "",
            Fnsku = row.Id("fnsku", required: true) ?? "",
            RequestedQuantity = row.Int("requestedQty"),
            OrderType = English(row.Text("type")),
            ServiceSpeed = row.Text("speed"),
            OrderStatus = English(row.Text("status")),
            LastUpdatedDate = row.Timestamp("updated"),
            Sku = row.Text("sku"),
            Disposition = LedgerVocabulary.Disposition(row.Text("disposition")),
            CancelledQuantity = row.Int("cancelled"),
            DisposedQuantity = row.Int("disposed"),
            ShippedQuantity = row.Int("shipped"),
            InProcessQuantity = row.Int("inProcess"),
            RemovalFee = row.Amount("fee"),
            Currency = currency,
            OrderSource = row.Text("source"),
            Marketplace = RegionSplit.FromCurrency(currency),
        });
    }

    private static string? English(string? word) => word is null ? null : Words.GetValueOrDefault(word, word);
}
