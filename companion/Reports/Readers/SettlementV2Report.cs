using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using static Refully.Companion.Reports.Core.ReportColumn;

namespace Refully.Companion.Reports.Readers;

/// <summary>
/// Settlement Flat File V2 (GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2): one amount line per row. The first
/// data row is the settlement summary (no transaction type) and gives no record. Detail rows leave the
/// currency empty, so it comes from marketplace-name (Amazon.de → EUR).
/// </summary>
public sealed class SettlementV2Report : ITabularReportReader
{
    public string Report => "SettlementV2";

    public IReadOnlyList<ReportColumn> Columns { get; } =
    [
        Req("settlement", "settlement-id"),
        Req("type", "transaction-type"),
        Req("amountType", "amount-type"),
        Req("amountDescription", "amount-description"),
        Req("amount", "amount"),
        Opt("currency", "currency"),
        Opt("order", "order-id"),
        Opt("merchantOrder", "merchant-order-id"),
        Opt("adjustment", "adjustment-id"),
        Opt("shipment", "shipment-id"),
        Opt("marketplace", "marketplace-name"),
        Opt("fulfillment", "fulfillment-id"),
        Opt("posted", "posted-date"),
        Opt("postedTime", "posted-date-time"),
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
        var amountType = row.Text("amountType");
        var description = row.Text("amountDescription");
        var amount = row.Decimal("amount");
        var transaction = SettlementRows.Start(row, Report, typeText,
            row.Timestamp("postedTime") ?? row.Timestamp("posted", required: true));
        transaction.AmountType = amountType;
        transaction.AmountDescription = description;
        transaction.Amount = amount;
        transaction.ProductSales = SettlementRows.IsPrincipal(amountType, description) ? amount : null;
        sink.Add(transaction);
    }
}
