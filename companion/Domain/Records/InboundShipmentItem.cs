namespace Refully.Companion.Domain.Records;

/// <summary>One SKU of an inbound shipment, from SP-API Inbound v0 getShipmentItems: shipped vs received.</summary>
public sealed class InboundShipmentItem : DomainRecord
{
    public string ShipmentId { get; set; } = "";
    public string? SellerSku { get; set; }
    public string Fnsku { get; set; } = "";
    public int? QuantityShipped { get; set; }
    public int? QuantityReceived { get; set; }
    public int? QuantityInCase { get; set; }
    public DateOnly? ReleaseDate { get; set; }

    public override DateOnly? RecordDate => ReleaseDate;

    /// <summary>QuantityReceived grows while the FC receives; a later response updates the item.</summary>
    public override string NaturalKey() => RecordKey.Join(ShipmentId, Fnsku, SellerSku);
}
