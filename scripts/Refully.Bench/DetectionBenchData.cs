using Refully.Companion.Detection;
using Refully.Companion.Detection.Indexes;
using Refully.Companion.Domain.Records;

namespace Refully.Bench;

/// <summary>
/// Seeded records for the detection benchmark, shaped like a large US account: ledger events over ~20k FNSKUs
/// (receipts, customer returns, many lost/found/damaged/disposed adjustments, transfers), reimbursements with
/// reversals, inbound shipments, and orders as Date Range Transaction Order rows with Refund rows and returns.
/// </summary>
internal static class DetectionBenchData
{
    private static readonly DateOnly Start = new(2025, 1, 1);

    public static DetectionInput Generate(int ledgerEvents, int orders, int seed)
    {
        var rnd = new Random(seed);
        var products = Enumerable.Range(0, 20_000)
            .Select(i => (Fnsku: $"X0{i:D8}", Asin: $"B0{i:D8}", Sku: $"SKU-{i:D5}"))
            .ToArray();
        var fcs = new[] { "PHX6", "ONT8", "LGB3", "MDW2", "BFI4" };
        var ledger = new List<LedgerEvent>(ledgerEvents);
        var reimbursements = new List<Reimbursement>();
        var shipments = new List<InboundShipment>();
        var items = new List<InboundShipmentItem>();
        var id = 0;
        for (var n = 0; n < ledgerEvents; n++)
        {
            var p = products[rnd.Next(products.Length)];
            var date = Start.AddDays(n * 365 / ledgerEvents);
            var e = new LedgerEvent
            {
                Id = $"l{n}#1", Date = date, Fnsku = p.Fnsku, Asin = p.Asin, Msku = p.Sku, Country = "US",
                FulfillmentCenter = fcs[rnd.Next(fcs.Length)], Disposition = "SELLABLE",
            };
            var kind = rnd.Next(100);
            if (kind < 25)
            {
                var shipment = $"FBA{rnd.Next(2_000):D6}";
                (e.EventType, e.ReferenceId, e.Quantity) = (LedgerEventType.Receipts, shipment, rnd.Next(1, 24));
                if (rnd.Next(200) == 0)
                {
                    e.Disposition = "CARRIER_DAMAGED";
                }
            }
            else if (kind < 40)
            {
                (e.EventType, e.ReferenceId, e.Quantity) = (LedgerEventType.CustomerReturns, OrderId(rnd.Next(orders)), 1);
            }
            else if (kind < 90)
            {
                var (reason, sign) = Reasons[rnd.Next(Reasons.Length)];
                (e.EventType, e.ReferenceId, e.Reason, e.Quantity) = (LedgerEventType.Adjustments, $"{rnd.NextInt64(10_000_000_000, 99_999_999_999)}", reason, sign * rnd.Next(1, 4));
                if (reason is "M" or "5" or "E" or "6" && rnd.Next(3) == 0)
                {
                    reimbursements.Add(Reimbursed(ref id, rnd, p, date.AddDays(rnd.Next(5, 60)), reason is "M" or "5" ? "Lost_Warehouse" : "Damaged_Warehouse", -e.Quantity, null));
                }
            }
            else
            {
                (e.EventType, e.ReferenceId, e.Quantity) = (LedgerEventType.WhseTransfers, $"{rnd.Next(1_000_000_000)}", rnd.Next(-5, 6));
            }
            ledger.Add(e);
        }
        for (var s = 0; s < 2_000; s++)
        {
            var shipmentId = $"FBA{s:D6}";
            shipments.Add(new InboundShipment { Id = $"s{s}#1", ShipmentId = shipmentId, ShipmentStatus = rnd.Next(4) == 0 ? "RECEIVING" : "CLOSED", Marketplace = "US" });
            for (var k = 0; k < 10; k++)
            {
                var p = products[rnd.Next(products.Length)];
                items.Add(new InboundShipmentItem { Id = $"i{s}-{k}#1", ShipmentId = shipmentId, Fnsku = p.Fnsku, SellerSku = p.Sku, QuantityShipped = rnd.Next(10, 200), QuantityReceived = rnd.Next(0, 200) });
            }
        }

        var transactions = new List<Transaction>(orders * 12 / 10);
        var returns = new List<CustomerReturn>();
        for (var o = 0; o < orders; o++)
        {
            var p = products[rnd.Next(products.Length)];
            var order = OrderId(o);
            var at = new DateTimeOffset(Start.AddDays(o * 365 / orders).ToDateTime(new TimeOnly(rnd.Next(24), rnd.Next(60))), TimeSpan.FromHours(-8));
            var quantity = rnd.Next(1, 4);
            var price = rnd.Next(500, 9_000) / 100m;
            transactions.Add(new Transaction
            {
                Id = $"t{o}#1", Source = TransactionSources.DateRange, Date = at, Type = TransactionType.Order, TypeText = "Order", OrderId = order,
                Sku = p.Sku, Quantity = quantity, Fulfillment = Fulfillment.Amazon, Currency = "USD", Marketplace = "US",
                ProductSales = price * quantity, FbaFees = -3.22m * quantity, Total = price * quantity - 3.22m * quantity,
            });
            if (rnd.Next(10) != 0)
            {
                continue;
            }
            var refunded = rnd.Next(1, quantity + 1);
            var refundAt = at.AddDays(rnd.Next(2, 40));
            transactions.Add(new Transaction
            {
                Id = $"r{o}#1", Source = TransactionSources.DateRange, Date = refundAt, Type = TransactionType.Refund, TypeText = "Refund", OrderId = order,
                Sku = p.Sku, Quantity = refunded, Fulfillment = Fulfillment.Amazon, Currency = "USD", Marketplace = "US",
                ProductSales = -(price * refunded + (rnd.Next(50) == 0 ? 1m : 0m)),
            });
            var back = rnd.Next(4) == 0 ? 0 : rnd.Next(1, refunded + 1);
            if (back > 0)
            {
                returns.Add(new CustomerReturn
                {
                    Id = $"c{o}#1", ReturnDate = refundAt.AddDays(rnd.Next(-5, 20)), OrderId = order, Sku = p.Sku, Asin = p.Asin, Fnsku = p.Fnsku,
                    Quantity = back, DetailedDisposition = rnd.Next(5) switch { 0 => "DAMAGED", 1 => "CUSTOMER_DAMAGED", 2 => "DEFECTIVE", _ => "SELLABLE" },
                    Reason = rnd.Next(40) == 0 ? "SWITCHEROO" : "UNWANTED_ITEM", LicensePlateNumber = $"LPN{o:D9}",
                });
            }
            if (rnd.Next(3) == 0)
            {
                reimbursements.Add(Reimbursed(ref id, rnd, p, DateOnly.FromDateTime(refundAt.AddDays(rnd.Next(10, 60)).DateTime), rnd.Next(2) == 0 ? "CustomerReturn" : "CustomerServiceIssue", 1, order));
            }
        }

        // Reversals of about one reimbursement in twenty: by original id, some also of others of the FNSKU.
        foreach (var original in reimbursements.Where((_, i) => i % 20 == 7).ToList())
        {
            reimbursements.Add(new Reimbursement
            {
                Id = $"v{id}#1", ReimbursementId = $"{9_000_000_000L + id++}", ApprovalDate = original.ApprovalDate.AddDays(rnd.Next(1, 30)),
                Reason = "Reimbursement_Reversal", Fnsku = original.Fnsku, Sku = original.Sku, Asin = original.Asin, AmazonOrderId = original.AmazonOrderId,
                Currency = "USD", AmountPerUnit = original.AmountPerUnit, QuantityReimbursedCash = -(original.QuantityReimbursedCash ?? 1) - rnd.Next(2),
                QuantityReimbursedTotal = -(original.QuantityReimbursedTotal ?? 1) - rnd.Next(2),
                OriginalReimbursementId = original.ReimbursementId, OriginalReimbursementType = original.Reason, Marketplace = "US",
            });
        }
        var costs = products.Where((_, i) => i % 3 == 0)
            .Select((p, i) => new UnitCost { Id = $"u{i}#1", Sku = p.Sku, Fnsku = p.Fnsku, Cost = 4m + i % 17, Currency = "USD" })
            .ToList();

        return new DetectionInput
        {
            Ledger = ledger,
            Reimbursements = reimbursements,
            Returns = returns,
            Transactions = transactions,
            InboundShipments = shipments,
            InboundItems = items,
            Costs = costs,
        };
    }

    private static readonly (string Code, int Sign)[] Reasons =
    [
        ("M", -1), ("M", -1), ("5", -1), ("F", 1), ("F", 1), ("N", 1), ("E", -1), ("6", -1), ("H", -1), ("K", -1),
        ("P", 1), ("D", -1), ("Q", -1), ("O", -1),
    ];

    private static string OrderId(int o) => $"111-{o:D7}-{(o * 7919) % 10_000_000:D7}";

    private static Reimbursement Reimbursed(ref int id, Random rnd, (string Fnsku, string Asin, string Sku) p, DateOnly approved, string reason, int units, string? order)
    {
        var perUnit = rnd.Next(300, 6_000) / 100m;
        return new Reimbursement
        {
            Id = $"m{id}#1", ReimbursementId = $"{1_000_000_000L + id++}", ApprovalDate = new DateTimeOffset(approved.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            Reason = reason, Fnsku = p.Fnsku, Sku = p.Sku, Asin = p.Asin, AmazonOrderId = order, Currency = "USD", AmountPerUnit = perUnit,
            AmountTotal = perUnit * units, QuantityReimbursedCash = units, QuantityReimbursedTotal = units, Marketplace = "US",
        };
    }
}
