using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;

namespace Refully.Companion.Reports.Readers;

/// <summary>Value shapes several readers share, on top of <see cref="ReportRow"/>'s getters.</summary>
public static class RowValues
{
    /// <summary>An optional amount; Amazon's "--" (not applicable, e.g. fee preview EFN columns) is empty, not a problem.</summary>
    public static decimal? Amount(this ReportRow row, string key) => IsDashes(row.Text(key)) ? null : row.Decimal(key);

    /// <summary>An optional yes/no cell (Y/N, Yes/No, true/false); anything else is a warning.</summary>
    public static bool? Flag(this ReportRow row, string key)
    {
        var text = row.Text(key);
        switch (text?.ToLowerInvariant())
        {
            case null or "--": return null;
            case "y" or "yes" or "true" or "1": return true;
            case "n" or "no" or "false" or "0": return false;
            default:
                row.Problem(key, text, false, "not a yes/no value");
                return null;
        }
    }

    /// <summary>Who fulfils: Amazon (AFN, "Amazon", "Versand durch Amazon" …) or the merchant (MFN, Merchant, Seller and translations).</summary>
    public static Fulfillment Fulfillment(string? text)
    {
        if (text is null)
        {
            return Domain.Records.Fulfillment.Unknown;
        }
        var word = HeaderMap.Normalize(text);
        if (word is "afn" || word.Contains("amazon", StringComparison.Ordinal))
        {
            return Domain.Records.Fulfillment.Amazon;
        }
        return word is "mfn" or "merchant" or "seller" or "verkäufer" or "händler" or "vendeur" or "venditore" or "vendedor" or "出品者"
            ? Domain.Records.Fulfillment.Merchant
            : Domain.Records.Fulfillment.Unknown;
    }

    private static bool IsDashes(string? text) => text is not null && text.Trim('-').Length == 0;
}
