namespace Refully.Companion.Domain;

/// <summary>An Amazon marketplace as Refully needs it: code, Seller Central host, currency, time zone, language.</summary>
public sealed record Marketplace(string Code, string MarketplaceId, string SellerCentralHost, string Currency, string TimeZone, string Language);

/// <summary>Every marketplace whose Seller Central the extension runs on (the manifest lists the same hosts).</summary>
public static class Marketplaces
{
    public static IReadOnlyList<Marketplace> All { get; } =
    [
        new("US", "ATVPDKIKX0DER", "sellercentral.amazon.com", "USD", "America/Los_Angeles", "en"),
        new("CA", "A2EUQ1WTGCTBG2", "sellercentral.amazon.ca", "CAD", "America/Los_Angeles", "en"),
        new("MX", "A1AM78C64UM0Y8", "sellercentral.amazon.com.mx", "MXN", "America/Los_Angeles", "es"),
        new("BR", "A2Q3Y263D00KWC", "sellercentral.amazon.com.br", "BRL", "America/Sao_Paulo", "pt"),
        new("UK", "A1F83G8C2ARO7P", "sellercentral.amazon.co.uk", "GBP", "Europe/London", "en"),
        new("DE", "A1PA6795UKMFR9", "sellercentral.amazon.de", "EUR", "Europe/Berlin", "de"),
        new("FR", "A13V1IB3VIYZZH", "sellercentral.amazon.fr", "EUR", "Europe/Paris", "fr"),
        new("IT", "APJ6JRA9NG5V4", "sellercentral.amazon.it", "EUR", "Europe/Rome", "it"),
        new("ES", "A1RKKUPIHCS9HS", "sellercentral.amazon.es", "EUR", "Europe/Madrid", "es"),
        new("NL", "A1805IZSGTT6HS", "sellercentral.amazon.nl", "EUR", "Europe/Amsterdam", "nl"),
        new("SE", "A2NODRKZP88ZB9", "sellercentral.amazon.se", "SEK", "Europe/Stockholm", "sv"),
        new("PL", "A1C3SOZRARQ6R3", "sellercentral.amazon.pl", "PLN", "Europe/Warsaw", "pl"),
        new("BE", "AMEN7PMS3EDWL", "sellercentral.amazon.com.be", "EUR", "Europe/Brussels", "fr"),
        new("IE", "A28R8C7NBKEWEA", "sellercentral.amazon.ie", "EUR", "Europe/Dublin", "en"),
        new("TR", "A33AVAJ2PDY3EV", "sellercentral.amazon.com.tr", "TRY", "Europe/Istanbul", "tr"),
        new("AE", "A2VIGQ35RCS4UG", "sellercentral.amazon.ae", "AED", "Asia/Dubai", "en"),
        new("SA", "A17E79C6D8DWNP", "sellercentral.amazon.sa", "SAR", "Asia/Riyadh", "ar"),
        new("EG", "ARBP9OOSHTCHU", "sellercentral.amazon.eg", "EGP", "Africa/Cairo", "ar"),
        new("IN", "A21TJRUUN4KGV", "sellercentral.amazon.in", "INR", "Asia/Kolkata", "en"),
        new("JP", "A1VC38T7YXB528", "sellercentral.amazon.co.jp", "JPY", "Asia/Tokyo", "ja"),
        new("AU", "A39IBJ37TRP1C6", "sellercentral.amazon.com.au", "AUD", "Australia/Sydney", "en"),
        new("SG", "A19VAU5U5O7RUS", "sellercentral.amazon.sg", "SGD", "Asia/Singapore", "en"),
    ];

    /// <summary>The unified European Seller Central host; the marketplace there is chosen inside the page.</summary>
    public const string EuropeHost = "sellercentral-europe.amazon.com";

    private static readonly Dictionary<string, Marketplace> ByHost = All.ToDictionary(m => m.SellerCentralHost, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, Marketplace> ByCode = All.ToDictionary(m => m.Code, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, Marketplace> ById = All.ToDictionary(m => m.MarketplaceId, StringComparer.Ordinal);

    public static Marketplace? FromHost(string host) => ByHost.GetValueOrDefault(host);

    public static Marketplace? FromCode(string code) => ByCode.GetValueOrDefault(code);

    public static Marketplace? FromMarketplaceId(string id) => ById.GetValueOrDefault(id);

    /// <summary>True for every Seller Central host the extension is allowed on.</summary>
    public static bool IsSellerCentralHost(string host) =>
        ByHost.ContainsKey(host) || string.Equals(host, EuropeHost, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The marketplace of a Seller Central URL: the `mons_sel_mkid` query parameter when present
    /// (Seller Central's own marketplace switch), else the host. Null on the unified European host without it.
    /// </summary>
    public static Marketplace? FromUrl(Uri url)
    {
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        var id = query["mons_sel_mkid"];
        if (id is not null && FromMarketplaceId(id) is { } byId)
        {
            return byId;
        }
        return FromHost(url.Host);
    }
}
