namespace Refully.Companion.Domain.Records;

/// <summary>The seller's own unit cost of a SKU or FNSKU (costs file, claims.md §4).</summary>
public sealed class UnitCost : DomainRecord
{
    public string? Sku { get; set; }
    public string? Fnsku { get; set; }
    public decimal Cost { get; set; }
    public string Currency { get; set; } = "";

    /// <summary>The seller's own package measurements (optional costs-file columns; FeeOvercharge compares Amazon's against them).</summary>
    public decimal? Length { get; set; }

    public decimal? Width { get; set; }
    public decimal? Height { get; set; }

    /// <summary>in, inches, cm, centimeters, mm, m.</summary>
    public string? DimensionUnit { get; set; }

    public decimal? Weight { get; set; }

    /// <summary>lb, pounds, oz, ounces, g, grams, kg, kilograms.</summary>
    public string? WeightUnit { get; set; }

    public override DateOnly? RecordDate => null;

    /// <summary>A new costs file replaces the cost of the same SKU/FNSKU and currency.</summary>
    public override string NaturalKey() => RecordKey.Join(Sku, Fnsku, Currency);
}
