using System.Globalization;
using System.Runtime.CompilerServices;

namespace Refully.Companion.Domain.Records;

/// <summary>Builds natural keys: the parts, culture-invariant, joined by '|' (an absent part is empty).</summary>
public static class RecordKey
{
    /// <summary>
    /// Dates as yyyy-MM-dd, times in UTC as yyyy-MM-ddTHH:mm:ssZ, amounts without trailing zeros, other values
    /// invariant. Written into one buffer (a key is built for every imported row).
    /// </summary>
    public static string Join(params object?[] parts)
    {
        var key = new DefaultInterpolatedStringHandler(parts.Length, parts.Length, CultureInfo.InvariantCulture);
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                key.AppendLiteral("|");
            }
            switch (parts[i])
            {
                case null:
                    break;
                case string text:
                    key.AppendLiteral(text);
                    break;
                case DateOnly d:
                    key.AppendFormatted(d, "yyyy-MM-dd");
                    break;
                case DateTimeOffset t:
                    key.AppendFormatted(t.ToUniversalTime(), "yyyy-MM-ddTHH:mm:ssZ");
                    break;
                case decimal m:
                    key.AppendFormatted(m, "0.############");
                    break;
                case int n:
                    key.AppendFormatted(n);
                    break;
                case IFormattable f:
                    key.AppendLiteral(f.ToString(null, CultureInfo.InvariantCulture));
                    break;
                case var other:
                    key.AppendLiteral(other.ToString() ?? "");
                    break;
            }
        }
        return key.ToStringAndClear();
    }
}
