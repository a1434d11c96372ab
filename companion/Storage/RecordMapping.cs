using System.Globalization;
using LiteDB;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Storage;

/// <summary>
/// How domain records become LiteDB documents: DateOnly as "yyyy-MM-dd", DateTimeOffset as ISO-8601 with its
/// offset as written (sortable within one offset, readable in any LiteDB viewer), computed properties
/// (<see cref="DomainRecord.RecordDate"/>) left out. Registered on the one mapper of <see cref="CompanionDatabase"/>.
/// <para>
/// <see cref="ToDocument"/> writes the record types of large imports (<see cref="LedgerEvent"/>, <see cref="Transaction"/>,
/// <see cref="OrderLine"/>) by hand, without
/// the reflection mapper's per-field boxing and type tests (docs/performance.md); the documents are the ones the
/// mapper writes, field for field and in the same order (RecordMappingTests compares them byte for byte). Any other
/// type goes through the mapper.
/// </para>
/// </summary>
internal static class RecordMapping
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    public static BsonMapper Register(BsonMapper mapper)
    {
        mapper.RegisterType(
            d => new BsonValue(FormatDate(d)),
            b => DateOnly.ParseExact(b.AsString, DateFormat, CultureInfo.InvariantCulture));
        mapper.RegisterType(
            t => new BsonValue(FormatTimestamp(t)),
            b => DateTimeOffset.ParseExact(b.AsString, TimestampFormat, CultureInfo.InvariantCulture));
        mapper.ResolveMember = (type, member, memberMapper) =>
        {
            if (typeof(DomainRecord).IsAssignableFrom(type) && member is System.Reflection.PropertyInfo { CanWrite: false })
            {
                memberMapper.FieldName = null;
            }
        };
        return mapper;
    }

    /// <summary>The document of a record: by hand for the types written here, else through <paramref name="mapper"/>. Thread-safe.</summary>
    public static BsonDocument ToDocument(BsonMapper mapper, DomainRecord record) => record switch
    {
        LedgerEvent e => Ledger(e),
        Transaction t => Money(t),
        OrderLine o => Order(o),
        _ => mapper.ToDocument(record.GetType(), record),
    };

    /// <summary>
    /// Field order as the mapper writes it: the type's own properties in declaration order, then the inherited
    /// <see cref="DomainRecord.Marketplace"/>; <c>_id</c> is written first by LiteDB whatever its place. Null
    /// values are left out (SerializeNullValues = false), enums are their names, empty strings stay.
    /// </summary>
    private static BsonDocument Ledger(LedgerEvent e)
    {
        var d = new BsonDocument
        {
            ["_id"] = e.Id,
            ["Date"] = FormatDate(e.Date),
        };
        if (e.DateTime is { } at)
        {
            d["DateTime"] = FormatTimestamp(at);
        }
        Optional(d, "Fnsku", e.Fnsku);
        Optional(d, "Asin", e.Asin);
        Optional(d, "Msku", e.Msku);
        d["EventType"] = EventTypeName(e.EventType);
        Optional(d, "ReferenceId", e.ReferenceId);
        d["Quantity"] = e.Quantity;
        Optional(d, "FulfillmentCenter", e.FulfillmentCenter);
        Optional(d, "Disposition", e.Disposition);
        Optional(d, "Reason", e.Reason);
        Optional(d, "Country", e.Country);
        if (e.ReconciledQuantity is { } reconciled)
        {
            d["ReconciledQuantity"] = reconciled;
        }
        if (e.UnreconciledQuantity is { } unreconciled)
        {
            d["UnreconciledQuantity"] = unreconciled;
        }
        Optional(d, "Store", e.Store);
        Optional(d, "Marketplace", e.Marketplace);
        return d;
    }

    private static BsonDocument Money(Transaction t)
    {
        var d = new BsonDocument { ["_id"] = t.Id };
        Optional(d, "Source", t.Source);
        d["Date"] = FormatTimestamp(t.Date);
        Optional(d, "SettlementId", t.SettlementId);
        d["Type"] = Name(t.Type, TransactionTypeNames);
        Optional(d, "TypeText", t.TypeText);
        Optional(d, "OrderId", t.OrderId);
        Optional(d, "MerchantOrderId", t.MerchantOrderId);
        Optional(d, "AdjustmentId", t.AdjustmentId);
        Optional(d, "ShipmentId", t.ShipmentId);
        Optional(d, "OrderItemCode", t.OrderItemCode);
        Optional(d, "Sku", t.Sku);
        Optional(d, "Description", t.Description);
        Optional(d, "Quantity", t.Quantity);
        d["Fulfillment"] = Name(t.Fulfillment, FulfillmentNames);
        Optional(d, "Currency", t.Currency);
        Optional(d, "AmountType", t.AmountType);
        Optional(d, "AmountDescription", t.AmountDescription);
        Optional(d, "Amount", t.Amount);
        Optional(d, "ProductSales", t.ProductSales);
        Optional(d, "ProductSalesTax", t.ProductSalesTax);
        Optional(d, "ShippingCredits", t.ShippingCredits);
        Optional(d, "GiftWrapCredits", t.GiftWrapCredits);
        Optional(d, "PromotionalRebates", t.PromotionalRebates);
        Optional(d, "SellingFees", t.SellingFees);
        Optional(d, "FbaFees", t.FbaFees);
        Optional(d, "OtherTransactionFees", t.OtherTransactionFees);
        Optional(d, "Other", t.Other);
        Optional(d, "Total", t.Total);
        Optional(d, "Marketplace", t.Marketplace);
        return d;
    }

    private static BsonDocument Order(OrderLine o)
    {
        var d = new BsonDocument { ["_id"] = o.Id };
        Optional(d, "AmazonOrderId", o.AmazonOrderId);
        Optional(d, "MerchantOrderId", o.MerchantOrderId);
        Optional(d, "OrderItemId", o.OrderItemId);
        d["PurchaseDate"] = FormatTimestamp(o.PurchaseDate);
        if (o.LastUpdatedDate is { } updated)
        {
            d["LastUpdatedDate"] = FormatTimestamp(updated);
        }
        Optional(d, "OrderStatus", o.OrderStatus);
        d["FulfillmentChannel"] = Name(o.FulfillmentChannel, FulfillmentNames);
        Optional(d, "SalesChannel", o.SalesChannel);
        Optional(d, "Sku", o.Sku);
        Optional(d, "Asin", o.Asin);
        Optional(d, "ItemStatus", o.ItemStatus);
        Optional(d, "Quantity", o.Quantity);
        Optional(d, "Currency", o.Currency);
        Optional(d, "ItemPrice", o.ItemPrice);
        Optional(d, "ItemTax", o.ItemTax);
        Optional(d, "ShippingPrice", o.ShippingPrice);
        Optional(d, "ShippingTax", o.ShippingTax);
        Optional(d, "GiftWrapPrice", o.GiftWrapPrice);
        Optional(d, "GiftWrapTax", o.GiftWrapTax);
        Optional(d, "ItemPromotionDiscount", o.ItemPromotionDiscount);
        Optional(d, "ShipPromotionDiscount", o.ShipPromotionDiscount);
        if (o.IsBusinessOrder is { } business)
        {
            d["IsBusinessOrder"] = business;
        }
        Optional(d, "Marketplace", o.Marketplace);
        return d;
    }

    internal static void Optional(BsonDocument document, string field, int? value)
    {
        if (value is { } n)
        {
            document[field] = n;
        }
    }

    internal static void Optional(BsonDocument document, string field, decimal? value)
    {
        if (value is { } m)
        {
            document[field] = m;
        }
    }

    // The mapper leaves a null member out (a null _id is written as null), any other string is itself.
    internal static void Optional(BsonDocument document, string field, string? value)
    {
        if (value is not null)
        {
            document[field] = value;
        }
    }

    // An enum is its name (EnumAsInteger = false), as Enum.ToString gives it; names looked up by value.
    private static readonly string?[] EventTypeNames = Names<LedgerEventType>();

    private static readonly string?[] TransactionTypeNames = Names<TransactionType>();
    private static readonly string?[] FulfillmentNames = Names<Fulfillment>();

    private static string EventTypeName(LedgerEventType type) => Name(type, EventTypeNames);

    // The record enums are int-based: the value is read as its int without boxing.
    internal static string Name<T>(T value, string?[] names) where T : struct, Enum
    {
        var index = System.Runtime.CompilerServices.Unsafe.SizeOf<T>() == sizeof(int)
            ? System.Runtime.CompilerServices.Unsafe.As<T, int>(ref value)
            : -1;
        return (uint)index < (uint)names.Length && names[index] is { } name ? name : value.ToString();
    }

    internal static string?[] Names<T>() where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var names = new string?[values.Length == 0 ? 0 : values.Max(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)) + 1];
        foreach (var value in values)
        {
            var index = Convert.ToInt32(value, CultureInfo.InvariantCulture);
            if (index >= 0 && index < names.Length)
            {
                names[index] = value.ToString();
            }
        }
        return names;
    }

    /// <summary>"yyyy-MM-dd" (invariant), written without the format parser.</summary>
    internal static string FormatDate(DateOnly date) => string.Create(10, date, static (span, d) =>
    {
        var (year, month, day) = d;
        span[0] = (char)('0' + year / 1000);
        span[1] = (char)('0' + year / 100 % 10);
        span[2] = (char)('0' + year / 10 % 10);
        span[3] = (char)('0' + year % 10);
        span[4] = '-';
        span[5] = (char)('0' + month / 10);
        span[6] = (char)('0' + month % 10);
        span[7] = '-';
        span[8] = (char)('0' + day / 10);
        span[9] = (char)('0' + day % 10);
    });

    internal static string FormatTimestamp(DateTimeOffset t) => t.ToString(TimestampFormat, CultureInfo.InvariantCulture);
}
