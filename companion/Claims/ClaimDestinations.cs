using Refully.Companion.Detection;
using Refully.Companion.Domain;

namespace Refully.Companion.Claims;

/// <summary>
/// Where each claim type is filed (domain.md §4.1–4.2, seller-central-pages-2.md §2–§3) and the URL on the
/// marketplace's own Seller Central host. A URL is <c>Verified</c> when an Amazon help page or public code
/// showed that article or path on that marketplace; elsewhere the same path is our best guess (the table in
/// docs/claims-filing.md lists which). Help articles exist in every marketplace, sometimes without the "G".
/// </summary>
public static class ClaimDestinations
{
    /// <summary>A help article with its id per marketplace where seen, and the id to guess elsewhere.</summary>
    private sealed record Article(string Tool, string DefaultId, string? EuropeId, IReadOnlyDictionary<string, string> Seen, string Source);

    private static readonly Article FcOperations = new(
        "FBA inventory reimbursement policy: Fulfillment center operations claims (tools at the bottom of the page)",
        "GGEV4254LJJ9BAEG", "GEV4254LJJ9BAEG",
        new Dictionary<string, string> { ["US"] = "GGEV4254LJJ9BAEG", ["JP"] = "GGEV4254LJJ9BAEG", ["UK"] = "GEV4254LJJ9BAEG", ["DE"] = "GEV4254LJJ9BAEG", ["FR"] = "GEV4254LJJ9BAEG" },
        "Amazon help GEV4254LJJ9BAEG / GGEV4254LJJ9BAEG (seen on US, UK, DE, FR, JP; seller-central-pages-2.md §3)");

    private static readonly Article CustomerReturns = new(
        "FBA inventory reimbursement policy: Customer returns (customer return claim tool)",
        "G9N934L7Y4SFWPJ4", null,
        new Dictionary<string, string> { ["US"] = "G9N934L7Y4SFWPJ4", ["FR"] = "G9N934L7Y4SFWPJ4", ["DE"] = "9N934L7Y4SFWPJ4" },
        "Amazon help G9N934L7Y4SFWPJ4 (seen on US, FR; DE as 9N934L7Y4SFWPJ4; labels.md §5)");

    private static readonly Article Removals = new(
        "FBA inventory reimbursement policy: Removal orders (removal claim tool)",
        "G9ZB3H4DP4H72U6R", null,
        new Dictionary<string, string> { ["US"] = "G9ZB3H4DP4H72U6R", ["UK"] = "G9ZB3H4DP4H72U6R", ["DE"] = "9ZB3H4DP4H72U6R" },
        "Amazon help G9ZB3H4DP4H72U6R (seen on US, UK; DE as 9ZB3H4DP4H72U6R; domain.md §4.1)");

    private static readonly HashSet<string> Europe = ["UK", "DE", "FR", "IT", "ES", "NL", "SE", "PL", "BE", "IE", "TR"];

    public static ClaimDestination DestinationOf(ClaimType type) => type switch
    {
        ClaimType.LostWarehouse => ClaimDestination.FcLostTool,
        ClaimType.DamagedWarehouse => ClaimDestination.FcDamagedTool,
        ClaimType.RefundNotReturned or ClaimType.ReturnDamagedNotReimbursed or ClaimType.ReturnNotRestocked or ClaimType.WrongItemReturned
            => ClaimDestination.CustomerReturnTool,
        ClaimType.InboundShortage => ClaimDestination.InboundShipment,
        ClaimType.RemovalShortage => ClaimDestination.RemovalTool,
        // No tool takes these: a case through Contact Us (domain.md §4.1 inbound damaged, fees; §1.1 #3, #12, #19).
        _ => ClaimDestination.ContactUs,
    };

    /// <summary>The policy help article a draft cites for a claim type (domain.md §2.5).</summary>
    public static string PolicyArticle(ClaimType type) => type switch
    {
        ClaimType.LostWarehouse or ClaimType.DamagedWarehouse or ClaimType.DisposedWithoutRequest => "GEV4254LJJ9BAEG",
        ClaimType.RefundNotReturned or ClaimType.ReturnDamagedNotReimbursed or ClaimType.ReturnNotRestocked
            or ClaimType.WrongItemReturned or ClaimType.RefundExceedsCharge => "G9N934L7Y4SFWPJ4",
        ClaimType.InboundShortage or ClaimType.InboundCarrierDamaged => "GEYPWTSQRTXXXMVB",
        ClaimType.RemovalShortage => "G9ZB3H4DP4H72U6R",
        ClaimType.FeeOvercharge => "GL7U4JFSDXUTQAJ",
        _ => "G200213130",
    };

    /// <summary>The place to file a case of this type in this marketplace; <paramref name="shipmentId"/> for inbound.</summary>
    public static ClaimLocation Locate(ClaimType type, string marketplace, string? shipmentId, ClaimLanguage language)
    {
        var host = Marketplaces.FromCode(marketplace)?.SellerCentralHost ?? "sellercentral.amazon.com";
        var destination = DestinationOf(type);
        var navigation = (language.Navigation ?? ClaimLanguages.English.Navigation!)[destination];
        return destination switch
        {
            ClaimDestination.FcLostTool => Help(FcOperations, "Investigate an Item Lost in Warehouse", host, marketplace, navigation),
            ClaimDestination.FcDamagedTool => Help(FcOperations, "Damaged item status", host, marketplace, navigation),
            ClaimDestination.CustomerReturnTool => Help(CustomerReturns, "Customer return claim", host, marketplace, navigation),
            ClaimDestination.RemovalTool => Help(Removals, "Removal claim", host, marketplace, navigation),
            ClaimDestination.InboundShipment => new ClaimLocation(
                $"https://{host}/fba/inbound-shipment/summary/{Uri.EscapeDataString(shipmentId ?? "")}",
                "Shipment summary › Contents (Reconcile) tab › Research missing units", navigation,
                Verified: marketplace == "US",
                "Path observed in public code on the US host (paragontools); other hosts guessed. Older tracker: "
                + $"https://{host}/gp/fba/inbound-shipment-workflow/index.html#{shipmentId}/summary/contents"),
            _ => new ClaimLocation($"https://{host}/help/hub/contact-us", "Contact Us", navigation,
                Verified: marketplace == "US",
                "Path observed in public code on the US host (seller-central-pages.md §4); other hosts guessed"),
        };
    }

    private static ClaimLocation Help(Article article, string tool, string host, string marketplace, string navigation)
    {
        var seen = article.Seen.TryGetValue(marketplace, out var id);
        id ??= Europe.Contains(marketplace) && article.EuropeId is not null ? article.EuropeId : article.DefaultId;
        return new ClaimLocation($"https://{host}/gp/help/external/{id}", $"{tool} ({article.Tool})", navigation, seen,
            seen ? article.Source : article.Source + $"; the article id on {marketplace} is guessed");
    }
}
