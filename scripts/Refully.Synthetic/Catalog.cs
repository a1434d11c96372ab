namespace Refully.Synthetic;

/// <summary>Plausible product titles and seller SKUs (each SKU used once).</summary>
public sealed class Catalog
{
    private static readonly string[] Materials = ["Steel", "Bamboo", "Ceramic", "Silicone", "Cotton", "Glass", "Walnut", "Linen", "Copper", "Cork"];

    private static readonly (string Noun, string Code, string[] Variants)[] Items =
    [
        ("Water Bottle", "BTL", ["500ml", "750ml", "1L"]),
        ("Coffee Mug", "MUG", ["12oz", "16oz"]),
        ("Cutting Board", "CBD", ["Small", "Large"]),
        ("Spice Rack", "SPR", ["12 Jars", "24 Jars"]),
        ("Yoga Mat", "YMT", ["4mm", "6mm"]),
        ("Desk Organizer", "DSK", ["3 Tier", "5 Slot"]),
        ("Tea Towel Set", "TTW", ["Pack of 3", "Pack of 6"]),
        ("Plant Pot", "POT", ["6 in", "8 in", "10 in"]),
        ("Lunch Box", "LBX", ["2 Compartment", "3 Compartment"]),
        ("Phone Stand", "PHS", ["Adjustable", "Foldable"]),
        ("Candle Holder", "CDH", ["Set of 2", "Set of 4"]),
        ("Storage Basket", "BSK", ["Medium", "Large"]),
    ];

    private static readonly string[] Colors = ["Black", "White", "Sage", "Navy", "Sand", "Clay", "Grey"];

    private readonly HashSet<string> _skus = new(StringComparer.Ordinal);

    public (string Title, string Sku) Next(Random random, Market market)
    {
        while (true)
        {
            var material = Materials[random.Next(Materials.Length)];
            var (noun, code, variants) = Items[random.Next(Items.Length)];
            var variant = variants[random.Next(variants.Length)];
            var color = Colors[random.Next(Colors.Length)];
            var sku = $"{(market.IsUs ? "" : market.Code + "-")}{code}-{material[..3].ToUpperInvariant()}-{color[..3].ToUpperInvariant()}-{random.Next(10, 99)}";
            if (_skus.Add(sku))
            {
                return ($"{material} {noun}, {variant}, {color}", sku);
            }
        }
    }
}
