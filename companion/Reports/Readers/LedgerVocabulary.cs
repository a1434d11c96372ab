using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;

namespace Refully.Companion.Reports.Readers;

/// <summary>
/// Inventory words shared by the ledger, adjustments, returns and removal readers: event types and
/// dispositions, English codes plus the Japanese display words seen in real JP downloads (labels.md §1c, §3).
/// </summary>
public static class LedgerVocabulary
{
    private static readonly Dictionary<string, string> Dispositions = new(StringComparer.Ordinal)
    {
        ["sellable"] = "SELLABLE",
        ["販売可"] = "SELLABLE",
        ["unsellable"] = "UNSELLABLE",
        ["販売不可"] = "UNSELLABLE",
        ["defective"] = "DEFECTIVE",
        ["欠陥品・不良品"] = "DEFECTIVE",
        ["customerdamaged"] = "CUSTOMER_DAMAGED",
        ["カスタマーによる損傷"] = "CUSTOMER_DAMAGED",
        ["carrierdamaged"] = "CARRIER_DAMAGED",
        ["配送業者による損傷"] = "CARRIER_DAMAGED",
        ["warehousedamaged"] = "WAREHOUSE_DAMAGED",
        ["fulfillmentcenterdamaged"] = "WAREHOUSE_DAMAGED",
        ["distributordamaged"] = "DISTRIBUTOR_DAMAGED",
        ["expired"] = "EXPIRED",
        ["damaged"] = "DAMAGED",
    };

    /// <summary>A disposition as Amazon's upper-case code (SELLABLE, CUSTOMER_DAMAGED …); unknown words are kept as written.</summary>
    public static string? Disposition(string? text) =>
        text is null ? null : Dispositions.GetValueOrDefault(HeaderMap.Normalize(text), text);

    /// <summary>The ledger event type of a cell; an unknown word is a warning and gives Unknown.</summary>
    public static LedgerEventType EventType(ReportRow row, string key)
    {
        var text = row.Text(key, required: true);
        if (text is null)
        {
            return LedgerEventType.Unknown;
        }
        foreach (var type in Enum.GetValues<LedgerEventType>())
        {
            if (type != LedgerEventType.Unknown && HeaderMap.Normalize(text) == HeaderMap.Normalize(type.ToString()))
            {
                return type;
            }
        }
        row.Problem(key, text, false, "not a known ledger event type (Shipments, CustomerReturns, Receipts, Adjustments, VendorReturns, WhseTransfers)");
        return LedgerEventType.Unknown;
    }
}
