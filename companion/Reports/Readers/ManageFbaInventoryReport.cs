using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using static Refully.Companion.Reports.Core.ReportColumn;

namespace Refully.Companion.Reports.Readers;

/// <summary>Manage FBA Inventory (GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA): current quantities per SKU, no date.</summary>
public sealed class ManageFbaInventoryReport : ITabularReportReader
{
    public string Report => "ManageFbaInventory";

    public IReadOnlyList<ReportColumn> Columns { get; } =
    [
        Req("sku", "sku"),
        Req("warehouse", "afn-warehouse-quantity"),
        Req("fulfillable", "afn-fulfillable-quantity"),
        Opt("fnsku", "fnsku"),
        Opt("asin", "asin"),
        Opt("condition", "condition"),
        Opt("price", "your-price"),
        Opt("mfn", "mfn-fulfillable-quantity"),
        Opt("unsellable", "afn-unsellable-quantity"),
        Opt("reserved", "afn-reserved-quantity"),
        Opt("total", "afn-total-quantity"),
        Opt("working", "afn-inbound-working-quantity"),
        Opt("shipped", "afn-inbound-shipped-quantity"),
        Opt("receiving", "afn-inbound-receiving-quantity"),
        Opt("researching", "afn-researching-quantity"),
    ];

    public void Read(ReportRow row, IRecordSink sink)
    {
        sink.Add(new InventorySnapshot
        {
            Sku = row.Text("sku", required: true) ?? "",
            Fnsku = row.Id("fnsku"),
            Asin = row.Id("asin"),
            Condition = row.Text("condition"),
            YourPrice = row.Amount("price"),
            MfnFulfillableQuantity = row.Int("mfn"),
            AfnWarehouseQuantity = row.Int("warehouse"),
            AfnFulfillableQuantity = row.Int("fulfillable"),
            AfnUnsellableQuantity = row.Int("unsellable"),
            AfnReservedQuantity = row.Int("reserved"),
            AfnTotalQuantity = row.Int("total"),
            AfnInboundWorkingQuantity = row.Int("working"),
            AfnInboundShippedQuantity = row.Int("shipped"),
            AfnInboundReceivingQuantity = row.Int("receiving"),
            AfnResearchingQuantity = row.Int("researching"),
        });
    }
}
