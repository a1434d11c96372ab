namespace Refully.Companion.Domain.Records;

/// <summary>One row of the Inventory Ledger summary view: per FNSKU, disposition, period and location.</summary>
public sealed class LedgerSummary : DomainRecord
{
    /// <summary>The period as written (a day, or a month such as "10/2026" in monthly aggregation).</summary>
    public string Period { get; set; } = "";

    /// <summary>The period's date when it is a full date.</summary>
    public DateOnly? Date { get; set; }

    public string Fnsku { get; set; } = "";
    public string? Asin { get; set; }
    public string? Msku { get; set; }
    public string? Disposition { get; set; }
    public int? StartingWarehouseBalance { get; set; }
    public int? InTransitBetweenWarehouses { get; set; }
    public int? Receipts { get; set; }
    public int? CustomerShipments { get; set; }
    public int? CustomerReturns { get; set; }
    public int? VendorReturns { get; set; }
    public int? WarehouseTransferInOut { get; set; }
    public int? Found { get; set; }
    public int? Lost { get; set; }
    public int? Damaged { get; set; }
    public int? Disposed { get; set; }
    public int? OtherEvents { get; set; }
    public int? EndingWarehouseBalance { get; set; }
    public int? UnknownEvents { get; set; }

    /// <summary>A country code or an FC code, depending on the aggregation chosen.</summary>
    public string? Location { get; set; }

    public string? Store { get; set; }

    public override DateOnly? RecordDate => Date;

    public override string NaturalKey() => RecordKey.Join(Period, Fnsku, Msku, Disposition, Location, Store);
}
