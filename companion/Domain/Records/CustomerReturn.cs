namespace Refully.Companion.Domain.Records;

/// <summary>One row of the FBA customer returns report (a return received at an FC).</summary>
public sealed class CustomerReturn : DomainRecord
{
    public DateTimeOffset ReturnDate { get; set; }
    public string OrderId { get; set; } = "";
    public string? Sku { get; set; }
    public string? Asin { get; set; }
    public string? Fnsku { get; set; }
    public int Quantity { get; set; }
    public string? FulfillmentCenterId { get; set; }

    /// <summary>SELLABLE, DAMAGED (Amazon's fault), CUSTOMER_DAMAGED, DEFECTIVE, CARRIER_DAMAGED, EXPIRED.</summary>
    public string? DetailedDisposition { get; set; }

    public string? Reason { get; set; }

    /// <summary>Absent in some marketplaces' files (AE, JP 2022).</summary>
    public string? Status { get; set; }

    public string? LicensePlateNumber { get; set; }

    /// <summary>The customer's free-text comment (kept: the wrong-item review reads it; never names or addresses).</summary>
    public string? CustomerComments { get; set; }

    public override DateOnly? RecordDate => DateOnly.FromDateTime(ReturnDate.DateTime);

    public override string NaturalKey() =>
        RecordKey.Join(OrderId, Fnsku, Sku, LicensePlateNumber, ReturnDate, DetailedDisposition, Quantity);
}
