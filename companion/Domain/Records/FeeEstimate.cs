namespace Refully.Companion.Domain.Records;

/// <summary>
/// One row of the FBA Fee Preview: Amazon's current measurements, size tier and estimated fees for a SKU.
/// The report is a snapshot without a date; the measurements and fees are part of the key, so repeated
/// downloads of the same state are one record and every change is a new one (a measurement history).
/// </summary>
public sealed class FeeEstimate : DomainRecord
{
    public string Sku { get; set; } = "";
    public string? Fnsku { get; set; }
    public string? Asin { get; set; }
    public string? AmazonStore { get; set; }
    public string? ProductGroup { get; set; }
    public string? Brand { get; set; }
    public string? FulfilledBy { get; set; }
    public bool? HasLocalInventory { get; set; }
    public decimal? YourPrice { get; set; }
    public decimal? SalesPrice { get; set; }
    public decimal? LongestSide { get; set; }
    public decimal? MedianSide { get; set; }
    public decimal? ShortestSide { get; set; }
    public decimal? LengthAndGirth { get; set; }
    public string? UnitOfDimension { get; set; }
    public decimal? ItemPackageWeight { get; set; }
    public string? UnitOfWeight { get; set; }

    /// <summary>product-size-tier (US) or product-size-weight-band (EU).</summary>
    public string? ProductSizeTier { get; set; }

    public string? Currency { get; set; }
    public decimal? EstimatedFeeTotal { get; set; }
    public decimal? EstimatedReferralFeePerUnit { get; set; }
    public decimal? EstimatedVariableClosingFee { get; set; }
    public decimal? EstimatedOrderHandlingFeePerOrder { get; set; }
    public decimal? EstimatedPickPackFeePerUnit { get; set; }
    public decimal? EstimatedWeightHandlingFeePerUnit { get; set; }

    /// <summary>expected-fulfillment-fee-per-unit (US) or expected-domestic-fulfilment-fee-per-unit (EU).</summary>
    public decimal? ExpectedFulfillmentFeePerUnit { get; set; }

    public decimal? ExpectedFutureFulfillmentFeePerUnit { get; set; }

    public override DateOnly? RecordDate => null;

    public override string NaturalKey() => RecordKey.Join(Sku, Fnsku, AmazonStore, Currency, LongestSide, MedianSide,
        ShortestSide, UnitOfDimension, ItemPackageWeight, UnitOfWeight, ProductSizeTier, ExpectedFulfillmentFeePerUnit);
}
