using Refully.Companion.Detection;
using Refully.Companion.Detection.Indexes;
using Refully.Companion.Domain.Records;

namespace Refully.Bench;

/// <summary>The event mix of the generated ledger (docs/detection.md, "Performance").</summary>
internal enum BenchMix
{
    /// <summary>Half of all events are adjustments, losses rarely found or paid: about one finding per five events.</summary>
    Stress,

    /// <summary>scripts/bench_ledger.py's proportions (mostly Shipments; 6 % adjustments), most losses found or paid.</summary>
    Realistic,
}

/// <summary>
/// Seeded records for the detection benchmark, shaped like a large US account: ledger events over many FNSKUs,
/// reimbursements with reversals, inbound shipments, and orders as Date Range Transaction Order rows with Refund
/// rows and returns. <see cref="BenchMix.Stress"/> (~20k FNSKUs; receipts, customer returns, many
/// lost/found/damaged/disposed adjustments, transfers) is the mix the engine was first measured with;
/// <see cref="BenchMix.Realistic"/> follows real seller accounts (see <see cref="RealisticLedger"/>).
/// </summary>
internal static class DetectionBenchData
{
    private static readonly DateOnly Start = new(2025, 1, 1);

    public static DetectionInput Generate(int ledgerEvents, int orders, int seed, BenchMix mix = BenchMix.Stress)
    {
        var rnd = new Random(seed);
        var products = Enumerable.Range(0, mix == BenchMix.Stress ? 20_000 : 4_000)
            .Select(i => (Fnsku: $"X0{i:D8}", Asin: $"B0{i:D8}", Sku: $"SKU-{i:D5}"))
            .ToArray();
        var ledger = new List<LedgerEvent>(ledgerEvents);
        var reimbursements = new List<Reimbursement>();
        var shipments = new List<InboundShipment>();
        var items = new List<InboundShipmentItem>();
        var id = 0;
        if (mix == BenchMix.Realistic)
        {
            RealisticLedger(ledgerEvents, orders, rnd, products, ledger, reimbursements, ref id);
            Shipments(rnd, products, shipments, items, RealisticQuantities);
        }
        else
        {
            StressLedger(ledgerEvents, orders, rnd, products, ledger, reimbursements, ref id);
            Shipments(rnd, products, shipments, items, StressQuantities);
        }
        return Rest(orders, rnd, products, ledger, reimbursements, shipments, items, ref id);
    }

    private static void StressLedger(int ledgerEvents, int orders, Random rnd, (string Fnsku, string Asin, string Sku)[] products,
        List<LedgerEvent> ledger, List<Reimbursement> reimbursements, ref int id)
    {
        var fcs = new[] { "PHX6", "ONT8", "LGB3", "MDW2", "BFI4" };
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
    }

    /// <summary>
    /// A realistic ledger: the event and reason-code proportions of scripts/bench_ledger.py (the scan bench's file, from
    /// real Inventory Ledger downloads): Shipments 80 %, Receipts 6 %, CustomerReturns 5 %, Adjustments 6 % (reason codes
    /// M 5 F N E P Q D O 3 4 6 H K equally often), VendorReturns 1.5 %, WhseTransfers 1.5 %. Losses mostly resolve, as
    /// they do in real accounts: two misplaced (M/5) rows in three are followed by an F row of the same FNSKU and units
    /// 1–10 days later (counted among the events), half of the rest get a Lost_Warehouse reimbursement, and two
    /// warehouse-damaged rows (E/6/H/K) in three a Damaged_Warehouse reimbursement.
    /// </summary>
    private static void RealisticLedger(int ledgerEvents, int orders, Random rnd, (string Fnsku, string Asin, string Sku)[] products,
        List<LedgerEvent> ledger, List<Reimbursement> reimbursements, ref int id)
    {
        var fcs = new[] { "PHX6", "ONT8", "LGB3", "MDW2", "BFI4", "CLT2", "TPA1", "SMF3", "AVP1", "RIC2" };
        (LedgerEventType Type, int Weight)[] weights =
        [
            (LedgerEventType.Shipments, 800), (LedgerEventType.Receipts, 60), (LedgerEventType.CustomerReturns, 50),
            (LedgerEventType.Adjustments, 60), (LedgerEventType.VendorReturns, 15), (LedgerEventType.WhseTransfers, 15),
        ];
        var population = weights.SelectMany(w => Enumerable.Repeat(w.Type, w.Weight)).ToArray();
        (string Code, int Sign)[] reasons =
        [
            ("M", -1), ("5", -1), ("F", 1), ("N", 1), ("E", -1), ("P", 1), ("Q", -1), ("D", -1), ("O", -1), ("3", 1), ("4", -1),
            ("6", -1), ("H", -1), ("K", -1),
        ];
        var pending = new PriorityQueue<LedgerEvent, (DateOnly Date, int Order)>(); // found rows still to come, by date
        var n = 0;
        while (ledger.Count < ledgerEvents)
        {
            var date = Start.AddDays((int)((long)ledger.Count * 365 / ledgerEvents));
            if (pending.TryPeek(out var due, out var when) && when.Date <= date)
            {
                ledger.Add(pending.Dequeue());
                continue;
            }
            var p = products[rnd.Next(products.Length)];
            var e = new LedgerEvent
            {
                Id = $"l{n}#1", Date = date, Fnsku = p.Fnsku, Asin = p.Asin, Msku = p.Sku, Country = "US",
                FulfillmentCenter = fcs[rnd.Next(fcs.Length)], Disposition = "SELLABLE",
            };
            n++;
            switch (e.EventType = population[rnd.Next(population.Length)])
            {
                case LedgerEventType.Shipments:
                    (e.ReferenceId, e.Quantity) = (OrderId(rnd.Next(orders)), -(rnd.Next(5) switch { 3 => 2, 4 => 3, _ => 1 }));
                    break;
                case LedgerEventType.Receipts:
                    (e.ReferenceId, e.Quantity) = ($"FBA{rnd.Next(2_000):D6}", rnd.Next(1, 49));
                    if (rnd.Next(200) == 0)
                    {
                        e.Disposition = "CARRIER_DAMAGED";
                    }
                    break;
                case LedgerEventType.CustomerReturns:
                    (e.ReferenceId, e.Quantity) = (OrderId(rnd.Next(orders)), 1);
                    e.Disposition = rnd.Next(4) switch { 2 => "CUSTOMER_DAMAGED", 3 => "DEFECTIVE", _ => "SELLABLE" };
                    break;
                case LedgerEventType.Adjustments:
                    var (reason, sign) = reasons[rnd.Next(reasons.Length)];
                    (e.ReferenceId, e.Reason, e.Quantity) = ($"{rnd.NextInt64(10_000_000_000, 99_999_999_999)}", reason, sign * rnd.Next(1, 4));
                    if (reason == "P")
                    {
                        e.Disposition = "WAREHOUSE_DAMAGED";
                    }
                    if (reason is "M" or "5")
                    {
                        if (rnd.Next(3) != 0)
                        {
                            var foundOn = date.AddDays(rnd.Next(1, 11));
                            pending.Enqueue(new LedgerEvent
                            {
                                Id = $"l{n++}#1", Date = foundOn, Fnsku = p.Fnsku, Asin = p.Asin, Msku = p.Sku, Country = "US",
                                FulfillmentCenter = e.FulfillmentCenter, Disposition = "SELLABLE", EventType = LedgerEventType.Adjustments,
                                ReferenceId = $"{rnd.NextInt64(10_000_000_000, 99_999_999_999)}", Reason = "F", Quantity = -e.Quantity,
                            }, (foundOn, n));
                        }
                        else if (rnd.Next(2) == 0)
                        {
                            reimbursements.Add(Reimbursed(ref id, rnd, p, date.AddDays(rnd.Next(5, 60)), "Lost_Warehouse", -e.Quantity, null));
                        }
                    }
                    else if (reason is "E" or "6" or "H" or "K" && rnd.Next(3) != 0)
                    {
                        reimbursements.Add(Reimbursed(ref id, rnd, p, date.AddDays(rnd.Next(5, 60)), "Damaged_Warehouse", -e.Quantity, null));
                    }
                    break;
                case LedgerEventType.VendorReturns:
                    (e.ReferenceId, e.Quantity) = ($"RMV-{rnd.Next(1_000_000):D6}", -rnd.Next(1, 11));
                    e.Disposition = rnd.Next(2) == 0 ? "SELLABLE" : "CUSTOMER_DAMAGED";
                    break;
                default:
                    (e.ReferenceId, e.Quantity) = ($"{rnd.NextInt64(1_000_000_000, 10_000_000_000)}", (rnd.Next(2) == 0 ? -1 : 1) * rnd.Next(1, 21));
                    break;
            }
            ledger.Add(e);
        }
    }

    /// <summary>2,000 shipments of 10 lines each, with quantities shipped and received drawn by <paramref name="quantities"/>.</summary>
    private static void Shipments(Random rnd, (string Fnsku, string Asin, string Sku)[] products,
        List<InboundShipment> shipments, List<InboundShipmentItem> items, Func<Random, (int Shipped, int Received)> quantities)
    {
        for (var s = 0; s < 2_000; s++)
        {
            var shipmentId = $"FBA{s:D6}";
            shipments.Add(new InboundShipment { Id = $"s{s}#1", ShipmentId = shipmentId, ShipmentStatus = rnd.Next(4) == 0 ? "RECEIVING" : "CLOSED", Marketplace = "US" });
            for (var k = 0; k < 10; k++)
            {
                var p = products[rnd.Next(products.Length)];
                var (shipped, received) = quantities(rnd);
                items.Add(new InboundShipmentItem { Id = $"i{s}-{k}#1", ShipmentId = shipmentId, Fnsku = p.Fnsku, SellerSku = p.Sku, QuantityShipped = shipped, QuantityReceived = received });
            }
        }
    }

    /// <summary>Realistic: one line in ten arrives 1–5 units short, the rest in full.</summary>
    private static (int, int) RealisticQuantities(Random rnd)
    {
        var shipped = rnd.Next(10, 200);
        return (shipped, rnd.Next(10) == 0 ? shipped - rnd.Next(1, 6) : shipped);
    }

    /// <summary>Stress: received 0–200 of 10–200 shipped, drawn independently (most lines short).</summary>
    private static (int, int) StressQuantities(Random rnd)
    {
        var shipped = rnd.Next(10, 200);
        return (shipped, rnd.Next(0, 200));
    }

    private static DetectionInput Rest(int orders, Random rnd, (string Fnsku, string Asin, string Sku)[] products, List<LedgerEvent> ledger,
        List<Reimbursement> reimbursements, List<InboundShipment> shipments, List<InboundShipmentItem> items, ref int id)
    {
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
