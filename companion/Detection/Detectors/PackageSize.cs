namespace Refully.Companion.Detection.Detectors;

/// <summary>
/// A package's sides (sorted, inches) and weight (pounds), converted from the units reports and the costs file
/// write, and its US size class (fees.md §1.1): 0 small standard, 1 large standard, 2 anything larger (bulky and
/// extra-large, whose limits changed in 2026).
/// </summary>
internal sealed record PackageSize(decimal Longest, decimal Median, decimal Shortest, decimal? Pounds)
{
    public static PackageSize? From(decimal? a, decimal? b, decimal? c, string? dimensionUnit, decimal? weight, string? weightUnit)
    {
        if (a is null || b is null || c is null || InchesPer(dimensionUnit) is not { } toInches)
        {
            return null;
        }
        var sides = new[] { a.Value, b.Value, c.Value }.Select(s => s * toInches).OrderDescending().ToArray();
        var pounds = weight is { } w && PoundsPer(weightUnit) is { } toPounds ? w * toPounds : (decimal?)null;
        return new PackageSize(sides[0], sides[1], sides[2], pounds);
    }

    /// <summary>The US size class, or null without a weight.</summary>
    public int? UsClass()
    {
        if (Pounds is not { } unit)
        {
            return null;
        }
        if (unit <= 1m && Longest <= 15 && Median <= 12 && Shortest <= 0.75m)
        {
            return 0;
        }
        var dimensional = Longest * Median * Shortest / 139m;
        return Math.Max(unit, dimensional) <= 20m && Longest <= 18 && Median <= 14 && Shortest <= 8 ? 1 : 2;
    }

    /// <summary>Amazon's product-size-tier text as a US size class ("Small standard-size" → 0 …), null when not a US tier.</summary>
    public static int? UsClass(string? tier)
    {
        var t = (tier ?? "").ToLowerInvariant().Replace('-', ' ').Replace('_', ' ');
        return t.Contains("small standard") ? 0
            : t.Contains("large standard") ? 1
            : t.Contains("bulky") || t.Contains("oversize") || t.Contains("extra large") ? 2
            : null;
    }

    public static string ClassName(int c) => c switch { 0 => "small standard", 1 => "large standard", _ => "bulky or larger" };

    private static decimal? InchesPer(string? unit) => (unit ?? "").Trim().ToLowerInvariant() switch
    {
        "in" or "inch" or "inches" or "\"" => 1m,
        "cm" or "centimeter" or "centimeters" or "centimetre" or "centimetres" => 1m / 2.54m,
        "mm" or "millimeter" or "millimeters" or "millimetre" or "millimetres" => 1m / 25.4m,
        "m" or "meter" or "meters" or "metre" or "metres" => 100m / 2.54m,
        _ => null,
    };

    private static decimal? PoundsPer(string? unit) => (unit ?? "").Trim().ToLowerInvariant() switch
    {
        "lb" or "lbs" or "pound" or "pounds" => 1m,
        "oz" or "ounce" or "ounces" => 1m / 16m,
        "g" or "gram" or "grams" or "gr" => 1m / 453.59237m,
        "kg" or "kilogram" or "kilograms" => 1000m / 453.59237m,
        _ => null,
    };
}
