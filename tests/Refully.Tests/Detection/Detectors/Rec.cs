using System.Globalization;
using Refully.Companion.Detection;
using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Readers;

namespace Refully.Tests.Detection.Detectors;

/// <summary>Tiny hand-built records for detector tests, with the marketplace a reader would give them.</summary>
internal static class Rec
{
    private static int _next;

    public static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset T(string date) => new(D(date).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private static T WithId<T>(T record) where T : DomainRecord
    {
        record.Id = record.NaturalKey() + "#" + Interlocked.Increment(ref _next);
        return record;
    }

    public static LedgerEvent Adj(string date, string reason, int qty, string reference, string fnsku = "X001",
        string? country = "US", string? msku = "SKU-1", string? asin = "B000000001", string? disposition = "SELLABLE") =>
        Ledger(date, LedgerEventType.Adjustments, qty, reference, fnsku, country, msku, asin, disposition, reason);

    public static LedgerEvent Receipt(string date, string shipment, int qty, string fnsku = "X001", string disposition = "SELLABLE") =>
        Ledger(date, LedgerEventType.Receipts, qty, shipment, fnsku, "US", "SKU-1", "B000000001", disposition, null);

    public static LedgerEvent Restock(string date, string? reference, int qty, string fnsku = "X001") =>
        Ledger(date, LedgerEventType.CustomerReturns, qty, reference, fnsku, "US", "SKU-1", "B000000001", "SELLABLE", null);

    public static LedgerEvent Ledger(string date, LedgerEventType type, int qty, string? reference, string fnsku, string? country,
        string? msku, string? asin, string? disposition, string? reason) => WithId(new LedgerEvent
        {
            Date = D(date),
            Fnsku = fnsku,
            Asin = asin,
            Msku = msku,
            EventType = type,
            ReferenceId = reference,
            Quantity = qty,
            Disposition = disposition,
            Reason = reason,
            Country = country,
            Marketplace = RegionSplit.FromName(country),
        });

    public static Reimbursement Reimb(string date, string id, string reason, int units, string? fnsku = "X001", string? order = null,
        string? sku = null, decimal? perUnit = null, string currency = "USD", int? cash = null, string? originalId = null,
        string? originalType = null) => WithId(new Reimbursement
        {
            ApprovalDate = T(date),
            ReimbursementId = id,
            Reason = reason,
            Fnsku = fnsku,
            Sku = sku,
            AmazonOrderId = order,
            Currency = currency,
            AmountPerUnit = perUnit,
            QuantityReimbursedCash = cash ?? (perUnit is null ? 0 : units),
            QuantityReimbursedTotal = units,
            OriginalReimbursementId = originalId,
            OriginalReimbursementType = originalType,
            Marketplace = RegionSplit.FromCurrency(currency),
        });

    public static Reimbursement Reversal(string date, string id, int units, string? originalId, string? originalType = "Lost_Warehouse",
        string? fnsku = "X001", string? order = null) =>
        Reimb(date, id, "Reimbursement_Reversal", -units, fnsku, order, originalId: originalId, originalType: originalType);

    public static CustomerReturn Return(string date, string order, int qty = 1, string disposition = "SELLABLE", string? sku = "SKU-1",
        string? fnsku = "X001", string? lpn = null, string? reason = "UNWANTED_ITEM", string? comments = null, string? asin = "B000000001") =>
        WithId(new CustomerReturn
        {
            ReturnDate = T(date),
            OrderId = order,
            Sku = sku,
            Fnsku = fnsku,
            Asin = asin,
            Quantity = qty,
            DetailedDisposition = disposition,
            LicensePlateNumber = lpn,
            Reason = reason,
            CustomerComments = comments,
        });

    public static Transaction Refund(string date, string order, int? qty = 1, decimal? sales = -20m, string? sku = "SKU-1",
        Fulfillment fulfillment = Fulfillment.Amazon, string source = "DateRangeTransactions") =>
        Money(date, TransactionType.Refund, order, qty, sales, sku, fulfillment, source);

    public static Transaction Order(string date, string order, int? qty = 1, decimal? sales = 20m, string? sku = "SKU-1",
        Fulfillment fulfillment = Fulfillment.Amazon, string source = "DateRangeTransactions", decimal? fbaFees = null) =>
        Money(date, TransactionType.Order, order, qty, sales, sku, fulfillment, source, fbaFees);

    public static Transaction Money(string date, TransactionType type, string order, int? qty, decimal? sales, string? sku,
        Fulfillment fulfillment, string source, decimal? fbaFees = null) => WithId(new Transaction
        {
            Source = source,
            Date = T(date),
            Type = type,
            TypeText = type.ToString(),
            OrderId = order,
            Sku = sku,
            Quantity = qty,
            Fulfillment = fulfillment,
            Currency = "USD",
            Marketplace = "US",
            ProductSales = sales,
            AmountType = source == "DateRangeTransactions" ? null : "ItemPrice",
            AmountDescription = source == "DateRangeTransactions" ? null : "Principal",
            Amount = source == "DateRangeTransactions" ? null : sales,
            FbaFees = fbaFees,
        });

    public static InboundShipment Shipment(string id, string status = "CLOSED") =>
        WithId(new InboundShipment { ShipmentId = id, ShipmentStatus = status });

    public static InboundShipmentItem Item(string shipment, int shipped, int received, string fnsku = "X001") =>
        WithId(new InboundShipmentItem { ShipmentId = shipment, Fnsku = fnsku, SellerSku = "SKU-1", QuantityShipped = shipped, QuantityReceived = received });

    public static RemovalOrderLine Removal(string order, string type, string status, int requested, int cancelled = 0, int disposed = 0,
        int shipped = 0, string fnsku = "X001", string requestDate = "2026-05-01", string? updated = "2026-05-20", string disposition = "Sellable") =>
        WithId(new RemovalOrderLine
        {
            OrderId = order,
            OrderType = type,
            OrderStatus = status,
            RequestDate = T(requestDate),
            LastUpdatedDate = updated is null ? null : T(updated),
            Fnsku = fnsku,
            Sku = "SKU-1",
            Disposition = disposition,
            RequestedQuantity = requested,
            CancelledQuantity = cancelled,
            DisposedQuantity = disposed,
            ShippedQuantity = shipped,
            Currency = "USD",
            Marketplace = "US",
        });

    public static UnitCost Cost(decimal cost, string currency = "USD", string? fnsku = "X001", string? sku = null) =>
        WithId(new UnitCost { Fnsku = fnsku, Sku = sku, Cost = cost, Currency = currency, Marketplace = RegionSplit.FromCurrency(currency) });

    /// <summary>An input holding the records, each in its list.</summary>
    public static DetectionInput Input(params DomainRecord[] records) => new()
    {
        Ledger = records.OfType<LedgerEvent>().ToList(),
        Reimbursements = records.OfType<Reimbursement>().ToList(),
        Returns = records.OfType<CustomerReturn>().ToList(),
        Transactions = records.OfType<Transaction>().ToList(),
        InboundShipments = records.OfType<InboundShipment>().ToList(),
        InboundItems = records.OfType<InboundShipmentItem>().ToList(),
        Removals = records.OfType<RemovalOrderLine>().ToList(),
        Fees = records.OfType<FeeEstimate>().ToList(),
        Costs = records.OfType<UnitCost>().ToList(),
    };

    public static List<Candidate> Run(IDetector detector, params DomainRecord[] records) =>
        detector.Detect(Input(records)).ToList();
}
