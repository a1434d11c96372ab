using Refully.Companion.Domain.Records;

namespace Refully.Tests.Storage;

/// <summary>Random records for the tests that compare hand-written documents and shortcuts with the general path: awkward texts, amounts of every scale, times with sub-second ticks and odd offsets, nulls where the mapper must leave a field out.</summary>
internal static class RandomRecords
{
    internal static readonly string?[] Texts = [null, "", " ", "X00ABC1234", "sellable", "販売可", "a|b#c", "  padded  ", "ÄÖÜ ß", "\t", "US", "0"];

    internal static string? Pick(Random random) => Texts[random.Next(Texts.Length)] is { } text && random.Next(3) == 0 ? text + random.Next(1000) : Texts[random.Next(Texts.Length)];

    internal static decimal? Amount(Random random) => random.Next(4) switch
    {
        0 => null,
        1 => (decimal)random.Next(-100_000, 100_000) / 100,
        2 => (decimal)random.NextInt64(-1_000_000_000_000, 1_000_000_000_000) / (decimal)Math.Pow(10, random.Next(0, 9)),
        _ => random.Next(3) switch { 0 => 0m, 1 => -0.00m, _ => 1.50m },
    };

    internal static DateTimeOffset Time(Random random) => new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)
        .AddTicks(random.NextInt64(TimeSpan.TicksPerDay * 1000)).AddTicks(random.Next(2) == 0 ? 0 : random.Next(10_000_000))
        .ToOffset(TimeSpan.FromMinutes(15 * random.Next(-48, 57)));

    internal static Transaction RandomTransaction(Random random, int i) => new()
    {
        Id = $"t-{i}#1",
        Source = random.Next(8) switch { 0 => "", 1 => null!, _ => "SettlementV2" },
        Date = Time(random),
        SettlementId = Pick(random),
        Type = random.Next(20) == 0 ? (TransactionType)random.Next(-2, 60) : Enum.GetValues<TransactionType>()[random.Next(Enum.GetValues<TransactionType>().Length)],
        TypeText = Pick(random), OrderId = Pick(random), MerchantOrderId = Pick(random), AdjustmentId = Pick(random), ShipmentId = Pick(random),
        OrderItemCode = Pick(random), Sku = Pick(random), Description = Pick(random),
        Quantity = random.Next(3) == 0 ? null : random.Next(-10, 1000),
        Fulfillment = (Fulfillment)random.Next(0, 4),
        Currency = Pick(random), AmountType = Pick(random), AmountDescription = Pick(random),
        Amount = Amount(random), ProductSales = Amount(random), ProductSalesTax = Amount(random), ShippingCredits = Amount(random),
        GiftWrapCredits = Amount(random), PromotionalRebates = Amount(random), SellingFees = Amount(random), FbaFees = Amount(random),
        OtherTransactionFees = Amount(random), Other = Amount(random), Total = Amount(random),
        Marketplace = Pick(random),
    };

    internal static OrderLine RandomOrderLine(Random random, int i) => new()
    {
        Id = $"o-{i}#1",
        AmazonOrderId = random.Next(8) switch { 0 => "", 1 => null!, _ => $"111-{random.Next(10_000_000):D7}-{random.Next(10_000_000):D7}" },
        MerchantOrderId = Pick(random), OrderItemId = Pick(random),
        PurchaseDate = Time(random),
        LastUpdatedDate = random.Next(2) == 0 ? null : Time(random),
        OrderStatus = Pick(random),
        FulfillmentChannel = (Fulfillment)random.Next(-1, 4),
        SalesChannel = Pick(random), Sku = Pick(random), Asin = Pick(random), ItemStatus = Pick(random),
        Quantity = random.Next(3) == 0 ? null : random.Next(0, 20),
        Currency = Pick(random),
        ItemPrice = Amount(random), ItemTax = Amount(random), ShippingPrice = Amount(random), ShippingTax = Amount(random),
        GiftWrapPrice = Amount(random), GiftWrapTax = Amount(random), ItemPromotionDiscount = Amount(random), ShipPromotionDiscount = Amount(random),
        IsBusinessOrder = random.Next(3) switch { 0 => null, 1 => true, _ => false },
        Marketplace = Pick(random),
    };
}
