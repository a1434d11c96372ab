namespace Refully.Companion.Domain.Records;

/// <summary>
/// One row of Manage FBA Inventory (GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA): a SKU's quantities now. The
/// file has no date; the quantities are part of the key, so each distinct state is one record.
/// </summary>
public sealed class InventorySnapshot : DomainRecord
{
    public string Sku { get; set; } = "";
    public string? Fnsku { get; set; }
    public string? Asin { get; set; }
    public string? Condition { get; set; }
    public decimal? YourPrice { get; set; }
    public int? MfnFulfillableQuantity { get; set; }
    public int? AfnWarehouseQuantity { get; set; }
    public int? AfnFulfillableQuantity { get; set; }
    public int? AfnUnsellableQuantity { get; set; }
    public int? AfnReservedQuantity { get; set; }
    public int? AfnTotalQuantity { get; set; }
    public int? AfnInboundWorkingQuantity { get; set; }
    public int? AfnInboundShippedQuantity { get; set; }
    public int? AfnInboundReceivingQuantity { get; set; }
    public int? AfnResearchingQuantity { get; set; }

    public override DateOnly? RecordDate => null;

    public override string NaturalKey() => RecordKey.Join(Sku, Fnsku, AfnWarehouseQuantity, AfnFulfillableQuantity,
        AfnUnsellableQuantity, AfnReservedQuantity, AfnTotalQuantity, AfnInboundWorkingQuantity,
        AfnInboundShippedQuantity, AfnInboundReceivingQuantity, AfnResearchingQuantity);
}
