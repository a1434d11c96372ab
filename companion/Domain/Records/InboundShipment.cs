namespace Refully.Companion.Domain.Records;

/// <summary>An inbound (seller → FC) shipment, from SP-API Inbound v0 getShipments. The ship-from address is not read.</summary>
public sealed class InboundShipment : DomainRecord
{
    public string ShipmentId { get; set; } = "";
    public string? ShipmentName { get; set; }
    public string? DestinationFulfillmentCenterId { get; set; }

    /// <summary>WORKING, SHIPPED, RECEIVING, CANCELLED, DELETED, CLOSED, ERROR, IN_TRANSIT, DELIVERED, CHECKED_IN.</summary>
    public string? ShipmentStatus { get; set; }

    public string? LabelPrepType { get; set; }
    public string? BoxContentsSource { get; set; }
    public bool? AreCasesRequired { get; set; }
    public DateOnly? ConfirmedNeedByDate { get; set; }

    public override DateOnly? RecordDate => ConfirmedNeedByDate;

    /// <summary>The status changes until the shipment closes; a later response updates the shipment.</summary>
    public override string NaturalKey() => ShipmentId;
}
