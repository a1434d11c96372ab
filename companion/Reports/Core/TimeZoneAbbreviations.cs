namespace Refully.Companion.Reports.Core;

/// <summary>
/// The zone names Amazon writes after times (Transaction report: PST/PDT, GMT, UTC, JST, …) and their offsets.
/// Ambiguous abbreviations (AST, IST outside India, CST in China) are read as Amazon uses them for its marketplaces.
/// </summary>
internal static class TimeZoneAbbreviations
{
    private static readonly Dictionary<string, TimeSpan> Offsets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Z"] = TimeSpan.Zero, ["UTC"] = TimeSpan.Zero, ["UT"] = TimeSpan.Zero, ["GMT"] = TimeSpan.Zero, ["WET"] = TimeSpan.Zero,
        ["BST"] = H(1), ["WEST"] = H(1), ["IST"] = H(5, 30), ["CET"] = H(1), ["MEZ"] = H(1), ["CEST"] = H(2), ["MESZ"] = H(2),
        ["EET"] = H(2), ["EEST"] = H(3), ["TRT"] = H(3), ["GST"] = H(4), ["JST"] = H(9), ["KST"] = H(9), ["SGT"] = H(8),
        ["AWST"] = H(8), ["ACST"] = H(9, 30), ["AEST"] = H(10), ["AEDT"] = H(11), ["NZST"] = H(12), ["NZDT"] = H(13),
        ["PST"] = H(-8), ["PDT"] = H(-7), ["MST"] = H(-7), ["MDT"] = H(-6), ["CST"] = H(-6), ["CDT"] = H(-5),
        ["EST"] = H(-5), ["EDT"] = H(-4), ["AKST"] = H(-9), ["AKDT"] = H(-8), ["HST"] = H(-10), ["BRT"] = H(-3),
    };

    public static bool TryGet(ReadOnlySpan<char> name, out TimeSpan offset) =>
        Offsets.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out offset);

    private static TimeSpan H(int hours, int minutes = 0) => new(hours, hours < 0 ? -minutes : minutes, 0);
}
