using Refully.Companion.Domain;
using Refully.Companion.Reports.Core;

namespace Refully.Companion.Reports.Readers;

/// <summary>
/// Which marketplace a row belongs to. Region-level files (Reimbursements, Fee Preview) mix marketplaces:
/// a currency used by one marketplace names it (USD→US, GBP→UK, JPY→JP …); EUR (and any currency shared by
/// several) needs the row's country or marketplace column, else the marketplace stays null and the file
/// gets one warning saying so. Marketplace names ("Amazon.co.jp"), country codes ("GB") and marketplace ids
/// are all understood.
/// </summary>
public static class RegionSplit
{
    public const string AmbiguousCurrencyMessage =
        "this currency is used by several marketplaces and the file has no country or marketplace column: the marketplace is left empty";

    private static readonly Dictionary<string, string?> ByCurrency = Marketplaces.All
        .GroupBy(m => m.Currency, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Count() == 1 ? g.Single().Code : null, StringComparer.OrdinalIgnoreCase);

    /// <summary>The marketplace code of a currency used by exactly one marketplace, else null.</summary>
    public static string? FromCurrency(string? currency) =>
        currency is not null && ByCurrency.TryGetValue(currency.Trim(), out var code) ? code : null;

    /// <summary>A marketplace code from a code ("US", "GB"), a marketplace id, or a name ("Amazon.de", "amazon.co.jp", "www.amazon.com").</summary>
    public static string? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var text = name.Trim();
        if (text.Equals("GB", StringComparison.OrdinalIgnoreCase))
        {
            return "UK";
        }
        if (Marketplaces.FromCode(text) is { } byCode)
        {
            return byCode.Code;
        }
        if (Marketplaces.FromMarketplaceId(text) is { } byId)
        {
            return byId.Code;
        }
        var host = text.ToLowerInvariant();
        host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        return host.StartsWith("amazon.", StringComparison.Ordinal)
            ? Marketplaces.FromHost("sellercentral." + host)?.Code
            : null;
    }

    /// <summary>The currency of a marketplace code, or null.</summary>
    public static string? CurrencyOf(string? marketplace) =>
        marketplace is null ? null : Marketplaces.FromCode(marketplace)?.Currency;

    /// <summary>
    /// The marketplace of a region-level row: its country/marketplace column when it names one, else its
    /// currency when only one marketplace uses it, else null with one warning per file.
    /// </summary>
    public static string? Marketplace(ReportRow row, string currencyKey, string? placeKey = null)
    {
        var place = placeKey is not null && row.HasColumn(placeKey) ? FromName(row.Text(placeKey)) : null;
        if (place is not null)
        {
            return place;
        }
        var currency = row.Text(currencyKey);
        var code = FromCurrency(currency);
        if (code is null && currency is not null && !row.Problems.Any(p => p.File == row.File && p.Message == AmbiguousCurrencyMessage))
        {
            row.Problem(currencyKey, currency, false, AmbiguousCurrencyMessage);
        }
        return code;
    }
}
