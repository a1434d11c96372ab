using System.Globalization;

namespace Refully.Companion.Domain.Records;

/// <summary>Builds natural keys: the parts, culture-invariant, joined by '|' (an absent part is empty).</summary>
public static class RecordKey
{
    public static string Join(params object?[] parts) => string.Join('|', parts.Select(Format));

    private static string Format(object? part) => part switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.############", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => part.ToString() ?? "",
    };
}
