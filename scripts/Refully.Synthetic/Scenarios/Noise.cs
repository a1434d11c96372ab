namespace Refully.Synthetic.Scenarios;

/// <summary>
/// The ordinary business around the injected cases: inbound shipments received in full, customer orders
/// (Amazon and merchant fulfilled), refunds whose unit came back, warehouse transfers, fees. None of it
/// may produce a High finding. Uses its own products, so no offset of it reaches a scenario.
/// </summary>
public static class Noise
{
    public static void Add(Account a, Market m, int productCount, double ordersPerDay)
    {
        var r = a.Random;
        var products = Enumerable.Range(0, productCount).Select(i => a.NewProduct(m, withCost: i % 5 != 0)).ToList();

        // Inbound: a fully received shipment about every three weeks, 2–4 products each.
        for (var age = Account.HistoryDays - 10; age > 20; age -= r.Next(15, 28))
        {
            var items = products.OrderBy(_ => r.Next()).Take(r.Next(2, 5)).Select(p =>
            {
                var shipped = r.Next(2, 13) * 10;
                var first = r.Next(shipped / 3, shipped - 1);
                var receipts = new[] { (age, first), (age - r.Next(1, 6), shipped - first) };
                return (p, shipped, shipped, receipts);
            }).ToArray();
            if (m.IsUs)
            {
                a.Ship("CLOSED", items);
            }
            else
            {
                foreach (var (p, _, _, receipts) in items)
                {
                    var id = a.Ids.Shipment();
                    foreach (var (ra, units) in receipts)
                    {
                        a.LedgerEvent(p, ra, "Receipts", id, units);
                    }
                }
            }
        }

        // Customer orders, some refunded; every refunded Amazon-fulfilled unit comes back.
        for (var age = Account.HistoryDays; age >= 1; age--)
        {
            var count = (int)ordersPerDay + (r.NextDouble() < ordersPerDay % 1 ? 1 : 0) + r.Next(-1, 2);
            for (var i = 0; i < count; i++)
            {
                var p = products[r.Next(products.Count)];
                var units = r.Next(10) == 0 ? 2 : 1;
                var amazon = r.Next(100) < 88;
                var order = a.Sell(p, age, units, amazon);
                if (r.Next(100) >= 5 || age < 25)
                {
                    continue;
                }
                var refundAge = age - r.Next(5, 20);
                if (!amazon)
                {
                    a.Refund(p, order, refundAge, units, amazonFulfilled: false);
                    continue;
                }
                var returnAge = refundAge + r.Next(1, 4);
                var disposition = r.Next(10) switch
                {
                    < 7 => "SELLABLE",
                    < 9 => "CUSTOMER_DAMAGED",
                    _ => "DEFECTIVE",
                };
                var reason = disposition == "SELLABLE" ? "UNWANTED_ITEM" : disposition == "DEFECTIVE" ? "DEFECTIVE" : "NOT_COMPATIBLE";
                a.Return(p, order, returnAge, units, disposition, reason);
                a.Refund(p, order, refundAge, units);
            }
        }

        // Warehouse transfers that balance, and monthly fees.
        for (var age = Account.HistoryDays - 3; age > 5; age -= r.Next(6, 15))
        {
            var p = products[r.Next(products.Count)];
            var units = r.Next(1, 8);
            var id = r.NextInt64(10_000_000, 99_999_999).ToString();
            a.LedgerEvent(p, age, "WhseTransfers", id, -units);
            a.LedgerEvent(p, age - 2, "WhseTransfers", id, units);
        }
        for (var age = Account.HistoryDays - 15; age > 1; age -= 30)
        {
            a.Fee(m, age, "FBA Inventory Fee", "FBA storage fee", -Math.Round((decimal)(r.NextDouble() * 40 + 5), 2));
            a.Fee(m, age - 1, "Service Fee", "Subscription", m.IsUs ? -39.99m : -25.00m);
        }
    }
}
