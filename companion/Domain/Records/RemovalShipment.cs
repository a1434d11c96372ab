namespace Refully.Companion.Domain.Records;

/// <summary>One row of the Removal Shipment Detail report: units of a removal order handed to a carrier.</summary>
public sealed class RemovalShipment : DomainRecord
{
    public DateTimeOffset? RequestDate { get; set; }
    public string OrderId { get; set; } = "";
    public DateTimeOffset ShipmentDate { get; set; }
    public string? Sku { get; set; }
    public string Fnsku { get; set; } = "";
    public string? Disposition { get; set; }
    public int ShippedQuantity { get; set; }
    public string? Carrier { get; set; }
    public string? TrackingNumber { get; set; }
    public string? RemovalOrderType { get; set; }

    public override DateOnly? RecordDate => DateOnly.FromDateTime(ShipmentDate.DateTime);

    public override string NaturalKey() =>
        RecordKey.Join(OrderId, Fnsku, Sku, Disposition, ShipmentDate, Carrier, TrackingNumber, ShippedQuantity);
}
