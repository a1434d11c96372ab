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
        : this(transactions, () => marketplaces)
    {
    }

    /// <param name="transactions">The transactions.</param>
    /// <param name="marketplaces">Asked only for a refund line with no marketplace or currency of its own (it may still be being built).</param>
    internal RefundIndex(IReadOnlyList<Transaction> transactions, Func<MarketplaceResolver> marketplaces)
    {
        var amazonOrders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in transactions)
        {
            if (t.Fulfillment == Fulfillment.Amazon && t.OrderId is not null)
            {
                amazonOrders.Add(t.OrderId);
            }
        }
        bool IsAmazon(Transaction t) => t.Fulfillment == Fulfillment.Amazon
            || (t.Fulfillment == Fulfillment.Unknown && amazonOrders.Contains(t.OrderId!));

        // Rows grouped by order line, groups in order of first appearance and rows in input order (as GroupBy does).
        var refunds = new Dictionary<(string Order, string Sku), List<Transaction>>();
        foreach (var t in transactions)
        {
            if (string.IsNullOrEmpty(t.OrderId))
            {
                continue;
            }
            if (t.Type == TransactionType.Refund && IsAmazon(t) && (t.Source == TransactionSources.DateRange || t.ProductSales is not null))
            {
                Add(refunds, t);
            }
            else if (t.Type == TransactionType.Order && t.ProductSales is not null)
            {
                Add(_orders, t);
            }
        }
        foreach (var (key, group) in refunds)
        {
            var rows = TransactionSources.PreferredInPlace(group);
            StableSortByDate(rows);
            var first = rows[0];
            var quantity = 0;
            decimal? sales = null;
            foreach (var r in rows)
            {
                quantity = checked(quantity + Math.Abs(r.Quantity ?? 1));
                if (r.ProductSales is { } p)
                {
                    sales = (sales ?? 0m) + p;
                }
            }
            _lines[key] = new RefundLine(first.OrderId!, first.Sku ?? "",
                MarketplaceResolver.Of(first) ?? marketplaces().ForOrder(first.OrderId!),
                first.Currency, quantity,
                sales is { } sum ? Math.Abs(sum) : null,
                DateOnly.FromDateTime(first.Date.DateTime), rows);
        }
        foreach (var group in _orders.Values)
        {
            TransactionSources.PreferredInPlace(group);
        }
    }

    private static void Add(Dictionary<(string Order, string Sku), List<Transaction>> groups, Transaction t)
    {
        ref var rows = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(groups, Key(t.OrderId!, t.Sku), out _);
        (rows ??= new List<Transaction>(1)).Add(t);
    }

    /// <summary>Sorts by date keeping the order of equal dates (as OrderBy does); most lines have one row.</summary>
    private static void StableSortByDate(List<Transaction> rows)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            var row = rows[i];
            var j = i - 1;
            while (j >= 0 && rows[j].Date > row.Date)
            {
                rows[j + 1] = rows[j];
                j--;
            }
            rows[j + 1] = row;
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

    /// <summary><see cref="Preferred"/> in place: drops the rows of other sources from <paramref name="rows"/> (order kept) and returns it.</summary>
    internal static List<Transaction> PreferredInPlace(List<Transaction> rows)
    {
        if (rows.Count <= 1)
        {
            return rows;
        }
        var best = int.MaxValue;
        foreach (var t in rows)
        {
            best = Math.Min(best, Rank(t.Source));
        }
        rows.RemoveAll(t => Rank(t.Source) != best);
        return rows;
    }

    private static int Rank(string source) => source switch
    {
        DateRange => 0,
        SettlementV2 => 1,
        SettlementLegacy => 2,
        _ => 3,
    };
}
