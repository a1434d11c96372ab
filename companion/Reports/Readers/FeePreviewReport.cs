using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using static Refully.Companion.Reports.Core.ReportColumn;

namespace Refully.Companion.Reports.Readers;

/// <summary>
/// FBA Fee Preview (GET_FBA_ESTIMATED_FBA_FEES_TXT_DATA), US layout (product-size-tier,
/// expected-fulfillment-fee-per-unit, optional amazon-store and future-fee columns) and EU/UK layout
/// (product-size-weight-band, expected-domestic-fulfilment-fee-per-unit; the EFN per-country fees are not
/// read). Region-level: marketplace from amazon-store when present, else from the currency.
/// </summary>
public sealed class FeePreviewReport : ITabularReportReader
{
    public string Report => "FeePreview";

    public IReadOnlyList<ReportColumn> Columns { get; } =
    [
        Req("sku", "sku"),
        Req("longest", "longest-side"),
        Req("weight", "item-package-weight"),
        Req("currency", "currency"),
        Req("feeTotal", "estimated-fee-total"),
        Opt("fnsku", "fnsku"),
        Opt("asin", "asin"),
        Opt("store", "amazon-store"),
        Opt("group", "product-group"),
        Opt("brand", "brand"),
        Opt("fulfilledBy", "fulfilled-by"),
        Opt("local", "has-local-inventory"),
        Opt("yourPrice", "your-price"),
        Opt("salesPrice", "sales-price"),
        Opt("median", "median-side"),
        Opt("shortest", "shortest-side"),
        Opt("girth", "length-and-girth"),
        Opt("dimensionUnit", "unit-of-dimension"),
        Opt("weightUnit", "unit-of-weight"),
        Opt("tier", "product-size-tier", "product-size-weight-band"),
        Opt("referral", "estimated-referral-fee-per-unit"),
        Opt("closing", "estimated-variable-closing-fee"),
        Opt("orderHandling", "estimated-order-handling-fee-per-order"),
        Opt("pickPack", "estimated-pick-pack-fee-per-unit"),
        Opt("weightHandling", "estimated-weight-handling-fee-per-unit"),
        Opt("fulfillment", "expected-fulfillment-fee-per-unit", "expected-domestic-fulfilment-fee-per-unit", "expected-domestic-fulfillment-fee-per-unit"),
        Opt("futureFulfillment", "expected-future-fulfillment-fee-per-unit"),
    ];

    public void Read(ReportRow row, IRecordSink sink)
    {
        sink.Add(new FeeEstimate
        {
            Sku = row.Text("sku", required: true) ?? "",
            Fnsku = row.Id("fnsku"),
            Asin = row.Id("asin"),
            AmazonStore = row.Text("store"),
            ProductGroup = row.Text("group"),
            Brand = row.Text("brand"),
            FulfilledBy = row.Text("fulfilledBy"),
            HasLocalInventory = row.Flag("local"),
            YourPrice = row.Amount("yourPrice"),
            SalesPrice = row.Amount("salesPrice"),
            LongestSide = row.Amount("longest"),
            MedianSide = row.Amount("median"),
            ShortestSide = row.Amount("shortest"),
            LengthAndGirth = row.Amount("girth"),
            UnitOfDimension = row.Text("dimensionUnit"),
            ItemPackageWeight = row.Amount("weight"),
            UnitOfWeight = row.Text("weightUnit"),
            ProductSizeTier = row.Text("tier"),
            Currency = row.Text("currency"),
            EstimatedFeeTotal = row.Amount("feeTotal"),
            EstimatedReferralFeePerUnit = row.Amount("referral"),
            EstimatedVariableClosingFee = row.Amount("closing"),
            EstimatedOrderHandlingFeePerOrder = row.Amount("orderHandling"),
            EstimatedPickPackFeePerUnit = row.Amount("pickPack"),
            EstimatedWeightHandlingFeePerUnit = row.Amount("weightHandling"),
            ExpectedFulfillmentFeePerUnit = row.Amount("fulfillment"),
            ExpectedFutureFulfillmentFeePerUnit = row.Amount("futureFulfillment"),
            Marketplace = RegionSplit.Marketplace(row, "currency", "store"),
        });
    }
}
