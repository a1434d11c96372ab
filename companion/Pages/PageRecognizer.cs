using System.Text.RegularExpressions;

namespace Refully.Companion.Pages;

/// <summary>The kinds of Seller Central page Refully knows by their address.</summary>
public enum PageKind
{
    Unrecognised,
    InventoryLedger,
    Reimbursements,
    CustomerReturns,
    InboundShipment,
    RemovalOrders,
    OrderDetail,
    InventoryDefectPortal,
    CaseLobby,
    CaseView,
    ManageInventory,
}

/// <summary>
/// First, cheap stage of page recognition: an explicit, ordered list of URL patterns (first match wins,
/// "unrecognised" last). Page parsers add the DOM check and the records.
/// </summary>
public static partial class PageRecognizer
{
    private static readonly (PageKind Kind, Regex Pattern)[] Patterns =
    [
        (PageKind.InventoryLedger, LedgerPattern()),
        (PageKind.Reimbursements, ReimbursementsPattern()),
        (PageKind.CustomerReturns, ReturnsPattern()),
        (PageKind.InboundShipment, InboundPattern()),
        (PageKind.RemovalOrders, RemovalPattern()),
        (PageKind.OrderDetail, OrderPattern()),
        (PageKind.InventoryDefectPortal, IdrPattern()),
        (PageKind.CaseView, CaseViewPattern()),
        (PageKind.CaseLobby, CaseLobbyPattern()),
        (PageKind.ManageInventory, InventoryPattern()),
    ];

    public static PageKind Recognise(Uri url)
    {
        var pathAndQuery = Uri.UnescapeDataString(url.PathAndQuery);
        foreach (var (kind, pattern) in Patterns)
        {
            if (pattern.IsMatch(pathAndQuery))
            {
                return kind;
            }
        }
        return PageKind.Unrecognised;
    }

    [GeneratedRegex(@"^/reportcentral/(INVENTORY_LEDGER|LEDGER_DETAIL|LEDGER_REPORT)", RegexOptions.IgnoreCase)]
    private static partial Regex LedgerPattern();

    [GeneratedRegex(@"^/reportcentral/REIMBURSEMENTS", RegexOptions.IgnoreCase)]
    private static partial Regex ReimbursementsPattern();

    [GeneratedRegex(@"^/reportcentral/CUSTOMER_RETURNS", RegexOptions.IgnoreCase)]
    private static partial Regex ReturnsPattern();

    [GeneratedRegex(@"^/(gp/fba/inbound-shipment-workflow|fba/inbound-shipment|fba/sendtoamazon|amazonsell/shipments|fba/inbound-queue)", RegexOptions.IgnoreCase)]
    private static partial Regex InboundPattern();

    [GeneratedRegex(@"^/(reportcentral/REMOVAL_ORDER_DETAIL|recommendations/removals|fba/removal|inventoryplanning/removal)", RegexOptions.IgnoreCase)]
    private static partial Regex RemovalPattern();

    [GeneratedRegex(@"^/orders-v3/order/", RegexOptions.IgnoreCase)]
    private static partial Regex OrderPattern();

    [GeneratedRegex(@"^/(reportcentral/inventory-defect|fba/reimbursements|reimbursements/|idr)", RegexOptions.IgnoreCase)]
    private static partial Regex IdrPattern();

    [GeneratedRegex(@"^/cu/case-dashboard/view-case", RegexOptions.IgnoreCase)]
    private static partial Regex CaseViewPattern();

    [GeneratedRegex(@"^/(cu/case-lobby|cu/case-dashboard)", RegexOptions.IgnoreCase)]
    private static partial Regex CaseLobbyPattern();

    [GeneratedRegex(@"^/(inventory|myinventory|hz/inventory)(/|\?|$)", RegexOptions.IgnoreCase)]
    private static partial Regex InventoryPattern();
}
