using System.Globalization;
using Refully.Companion.Detection;

namespace Refully.Companion.Claims;

/// <summary>English drafts: complete (the fallback sentences for languages that are not).</summary>
public static class ClaimTextsEnglish
{
    public static ClaimLanguage Language { get; } = new()
    {
        Code = "en",
        Culture = CultureInfo.GetCultureInfo("en-US"),
        SubjectFormat = "Reimbursement request: {type}, {keyLabel} {key}",
        Greeting = "Hello Seller Support,",
        Closing = "Thank you.",
        EvidenceHeading = "Evidence (from my reports):",
        Columns = ["Date", "Reference", "FNSKU/SKU", "Qty", "Note"],
        UnitsLabel = "Units",
        ValueLabel = "Value",
        ComputationLabel = "Computed as",
        PolicyLabel = "Policy",
        SourceLabel = "Source",
        DeadlineLabel = "Claim deadline",
        HelpArticle = "Seller Central help {0}",
        WindowFormat = "window {wait} to {window} days after {date}",
        PolicyName = "FBA inventory reimbursement policy",
        Request = "Please investigate and reimburse the {units} unit(s) above.",
        AttachmentsLabel = "Attached",
        MoreRows = "… and {0} more rows",
        ValueUnknown = "unknown",
        EnglishInsideNote = "",
        TypeNames = new Dictionary<ClaimType, string>
        {
            [ClaimType.LostWarehouse] = "units lost in fulfillment center",
            [ClaimType.DamagedWarehouse] = "units damaged in fulfillment center",
            [ClaimType.InboundShortage] = "units missing from inbound shipment",
            [ClaimType.RefundNotReturned] = "customer refunded, item not returned",
            [ClaimType.ReturnDamagedNotReimbursed] = "return damaged by Amazon",
            [ClaimType.RemovalShortage] = "units missing from removal order",
            [ClaimType.ReimbursedBelowCost] = "reimbursement below unit cost",
            [ClaimType.DisposedWithoutRequest] = "units disposed without my request",
            [ClaimType.FeeOvercharge] = "FBA fee charged on wrong dimensions",
            [ClaimType.ReturnNotRestocked] = "sellable return not restocked",
            [ClaimType.WrongItemReturned] = "wrong item returned",
            [ClaimType.RefundExceedsCharge] = "refund higher than the charge",
            [ClaimType.InboundCarrierDamaged] = "units damaged at inbound receipt",
        },
        FieldLabels = new Dictionary<string, string>
        {
            ["fnsku"] = "FNSKU",
            ["asin"] = "ASIN",
            ["transactionItemId"] = "Transaction Item ID",
            ["orderId"] = "Order ID",
            ["shipmentId"] = "Shipment ID",
            ["removalOrderId"] = "Removal order ID",
            ["reimbursementId"] = "Reimbursement ID",
            ["quantity"] = "Quantity",
            ["subject"] = "Subject",
            ["description"] = "Description",
        },
        AttachmentLabels = new Dictionary<string, string>
        {
            ["proofOfDelivery"] = "Proof of delivery (carrier POD, bill of lading stamped by the fulfillment center, or tracking)",
            ["invoice"] = "Invoice with date, product names and quantities (proof of inventory)",
            ["photos"] = "Photos of the units, their packaging and the shipping box",
            ["measurementPhotos"] = "Photos of the product with tape measure and scale",
            ["trackingOrPod"] = "Tracking number or proof of delivery of the removal shipment",
        },
        Intros = new Dictionary<ClaimType, string>
        {
            [ClaimType.LostWarehouse] = "{units} unit(s) of FNSKU {key} were recorded as lost (misplaced) in Amazon's fulfillment centers and have been neither found nor reimbursed.",
            [ClaimType.DamagedWarehouse] = "{units} unit(s) of FNSKU {fnsku} were recorded as damaged in an Amazon fulfillment center (transaction item ID {key}) and have not been reimbursed.",
            [ClaimType.InboundShortage] = "Shipment {key} is closed, but Amazon received {units} unit(s) fewer than I shipped (see the table). The missing units have not been reimbursed.",
            [ClaimType.RefundNotReturned] = "The customer of order {key} was refunded for {units} unit(s), but the item was not returned to Amazon and I have not been reimbursed.",
            [ClaimType.ReturnDamagedNotReimbursed] = "{units} unit(s) of order {key} came back damaged while in Amazon's care and have not been reimbursed.",
            [ClaimType.RemovalShortage] = "Removal order {key} is completed, but {units} unit(s) were neither shipped to me, disposed of nor cancelled.",
            [ClaimType.ReimbursedBelowCost] = "Reimbursement {key} paid less per unit than my documented unit cost for {units} unit(s). I request a re-evaluation at my sourcing cost.",
            [ClaimType.DisposedWithoutRequest] = "{units} unit(s) of FNSKU {fnsku} were disposed of by Amazon although I placed no disposal order for them.",
            [ClaimType.FeeOvercharge] = "The FBA fulfillment fee for FNSKU {key} is charged on dimensions or weight that differ from the product's real measurements ({units} unit(s) charged). Please re-measure and refund the difference.",
            [ClaimType.ReturnNotRestocked] = "{units} unit(s) of order {key} were returned in sellable condition but never added back to my inventory.",
            [ClaimType.WrongItemReturned] = "The return of order {key} ({units} unit(s)) was not the item I sold, yet it was accepted as a return.",
            [ClaimType.RefundExceedsCharge] = "The refund on order {key} was higher than the amount the customer was charged.",
            [ClaimType.InboundCarrierDamaged] = "{units} unit(s) of shipment {key} were received as carrier-damaged and have not been reimbursed.",
        },
        Computations = new Dictionary<ValueBasis, string>
        {
            [ValueBasis.UnitCost] = "{units} × {perUnit} (my unit cost)",
            [ValueBasis.RefundedPrice] = "{units} × {perUnit} (refunded price per unit)",
            [ValueBasis.LastReimbursement] = "{units} × {perUnit} (Amazon's last reimbursement per unit for this FNSKU)",
            [ValueBasis.Shortfall] = "(my unit cost − amount paid per unit) × {units}",
            [ValueBasis.FeeDifference] = "the fee difference for the correct size tier, which Amazon calculates after re-measuring",
            [ValueBasis.Unknown] = "value not known to me; please reimburse at the value on file",
        },
        MixedComputation = "sum of the items above, each at its own unit value",
        Navigation = new Dictionary<ClaimDestination, string>
        {
            [ClaimDestination.FcLostTool] = "Help › Get support › Lost and damaged inventory › Investigate an Item Lost in Warehouse: enter the FNSKU › Continue › Create a Case (or Inventory › Inventory Defect and Reimbursement › Eligible for claim)",
            [ClaimDestination.FcDamagedTool] = "Help › Get support › Lost and damaged inventory › Damaged item status: enter the Transaction Item ID (or Inventory › Inventory Defect and Reimbursement › Eligible for claim)",
            [ClaimDestination.CustomerReturnTool] = "Inventory › Inventory Defect and Reimbursement › Eligible for claim, then the customer return claim tool: enter the Order ID",
            [ClaimDestination.InboundShipment] = "Inventory › Shipments › Track shipment › Contents (formerly Reconcile) tab › Action required › Research missing units › Upload documents › Preview your request › Submit Request",
            [ClaimDestination.RemovalTool] = "Help › Get support › removal order claim tool: enter the removal order ID",
            [ClaimDestination.ContactUs] = "Help › Get support › Contact Us",
        },
    };
}
