using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Indexes;

/// <summary>The customer refunds of one Amazon-fulfilled order line (order id + SKU), summed.</summary>
public sealed record RefundLine(
    string OrderId,
    string Sku,
    string Marketplace,
    string? Currency,
    int Quantity,
    decimal? Principal,
    DateOnly FirstDate,
    IReadOnlyList<Transaction> Rows)
{
    /// <summary>Refunded product-sales amount (without tax) per refunded unit (claims.md §4), when known.</summary>
    public decimal? PrincipalPerUnit => Principal is { } p && Quantity > 0 ? p / Quantity : null;
}

/// <summary>
/// Refunds (claims.md §2): Date Range Transaction rows of type Refund, or settlement Refund principal lines
/// (ItemPrice/Principal), of Amazon-fulfilled orders. A row whose fulfilment is not stated counts only when
/// another transaction of the same order says Amazon; a seller-fulfilled refund never counts. Rows of one
/// order and SKU are summed; the date is the first row's. One order line may be in several overlapping sources
/// (a date range report and the settlements): <see cref="TransactionSources.Preferred"/> picks one source per
/// line so nothing is counted twice. A row without a quantity refunds 1 unit (settlement refund lines usually
/// leave quantity-purchased empty).
/// </summary>
public sealed class RefundIndex
{
    private readonly Dictionary<(string Order, string Sku), RefundLine> _lines = [];
    private readonly Dictionary<(string Order, string Sku), List<Transaction>> _orders = [];

    public RefundIndex(IReadOnlyList<Transaction> transactions, MarketplaceResolver marketplaces)
    {
        var amazonOrders = transactions.Where(t => t.Fulfillment == Fulfillment.Amazon && t.OrderId is not null)
            .Select(t => t.OrderId!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool IsAmazon(Transaction t) => t.Fulfillment == Fulfillment.Amazon
            || (t.Fulfillment == Fulfillment.Unknown && amazonOrders.Contains(t.OrderId!));

        foreach (var group in transactions
                     .Where(t => t.Type == TransactionType.Refund && !string.IsNullOrEmpty(t.OrderId) && IsAmazon(t))
                     .Where(t => t.Source == TransactionSources.DateRange || t.ProductSales is not null)
                     .GroupBy(t => Key(t.OrderId!, t.Sku)))
        {
            var rows = TransactionSources.Preferred(group).OrderBy(t => t.Date).ToList();
            var first = rows[0];
            var sales = rows.Where(r => r.ProductSales is not null).Select(r => r.ProductSales!.Value).ToList();
            _lines[group.Key] = new RefundLine(first.OrderId!, first.Sku ?? "",
                MarketplaceResolver.Of(first) ?? marketplaces.ForOrder(first.OrderId!),
                first.Currency, rows.Sum(r => Math.Abs(r.Quantity ?? 1)),
                sales.Count > 0 ? Math.Abs(sales.Sum()) : null,
                DateOnly.FromDateTime(first.Date.DateTime), rows);
        }
        foreach (var group in transactions
                     .Where(t => t.Type == TransactionType.Order && !string.IsNullOrEmpty(t.OrderId) && t.ProductSales is not null)
                     .GroupBy(t => Key(t.OrderId!, t.Sku)))
        {
            _orders[group.Key] = TransactionSources.Preferred(group).ToList();
        }
    }

    /// <summary>Every refunded Amazon-fulfilled order line.</summary>
    public IEnumerable<RefundLine> Lines => _lines.Values;

    /// <summary>The Order rows (with a principal) of an order line, from one source; empty when none.</summary>
    public IReadOnlyList<Transaction> Charges(string orderId, string? sku) =>
        _orders.GetValueOrDefault(Key(orderId, sku)) ?? [];

    private static (string Order, string Sku) Key(string orderId, string? sku) =>
        (orderId.Trim().ToUpperInvariant(), (sku ?? "").Trim().ToUpperInvariant());
}

/// <summary>Where a transaction came from, and which source wins when one order line is in several.</summary>
public static class TransactionSources
{
    public const string DateRange = "DateRangeTransactions";
    public const string SettlementV2 = "SettlementV2";
    public const string SettlementLegacy = "SettlementLegacy";

    /// <summary>The rows of the best source present: Date Range report, then settlement V2, then the legacy settlement, then any other.</summary>
    public static IEnumerable<Transaction> Preferred(IEnumerable<Transaction> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return list;
        }
        var best = list.Min(t => Rank(t.Source));
        return list.Where(t => Rank(t.Source) == best);
    }

    private static int Rank(string source) => source switch
    {
        DateRange => 0,
        SettlementV2 => 1,
        SettlementLegacy => 2,
        _ => 3,
    };
}
