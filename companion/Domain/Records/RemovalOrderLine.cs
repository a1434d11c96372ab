namespace Refully.Companion.Domain.Records;

/// <summary>One row of the Removal Order Detail report: one FNSKU and disposition of a removal order.</summary>
public sealed class RemovalOrderLine : DomainRecord
{
    public DateTimeOffset RequestDate { get; set; }
    public string OrderId { get; set; } = "";

    /// <summary>Return, Disposal, Liquidations (JP 返送 → Return, 処分 → Disposal).</summary>
    public string? OrderType { get; set; }

    public string? ServiceSpeed { get; set; }

    /// <summary>Pending, Planning, Processing, Completed, Cancelled.</summary>
    public string? OrderStatus { get; set; }

    public DateTimeOffset? LastUpdatedDate { get; set; }
    public string? Sku { get; set; }
    public string Fnsku { get; set; } = "";
    public string? Disposition { get; set; }
    public int? RequestedQuantity { get; set; }
    public int? CancelledQuantity { get; set; }
    public int? DisposedQuantity { get; set; }
    public int? ShippedQuantity { get; set; }
    public int? InProcessQuantity { get; set; }
    public decimal? RemovalFee { get; set; }
    public string? Currency { get; set; }
    public string? OrderSource { get; set; }

    public override DateOnly? RecordDate => DateOnly.FromDateTime(RequestDate.DateTime);

    /// <summary>Status and quantities change until the order completes; a later download updates the line.</summary>
    public override string NaturalKey() => RecordKey.Join(OrderId, Fnsku, Sku, Disposition);
}
