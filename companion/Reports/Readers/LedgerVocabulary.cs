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

    // The codes themselves (SELLABLE …), which map to themselves: the common cell, answered without normalising.
    private static readonly HashSet<string> Codes = new(Dispositions.Values, StringComparer.Ordinal);

    /// <summary>A disposition as Amazon's upper-case code (SELLABLE, CUSTOMER_DAMAGED …); unknown words are kept as written.</summary>
    public static string? Disposition(string? text) =>
        text is null ? null
        : Codes.TryGetValue(text, out var code) ? code
        : Dispositions.GetValueOrDefault(HeaderMap.Normalize(text), text);

    private static readonly (LedgerEventType Type, string Name)[] Types = Enum.GetValues<LedgerEventType>()
        .Where(t => t != LedgerEventType.Unknown).Select(t => (t, t.ToString())).ToArray();

    /// <summary>The ledger event type of a cell; an unknown word is a warning and gives Unknown.</summary>
    public static LedgerEventType EventType(ReportRow row, string key)
    {
        // The name as Amazon writes it (any case, ASCII): found without making strings; anything else the long way.
        var cell = row.CellText(key);
        foreach (var (type, name) in Types)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(cell, name))
            {
                return type;
            }
        }
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
