using static Refully.Synthetic.Policy;

namespace Refully.Synthetic.Scenarios;

/// <summary>
/// After-order claims: refunds with no return (RefundNotReturned: US 60/120, EU/UK 45/105 from the first
/// refund) and returns Amazon graded DAMAGED without paying (ReturnDamagedNotReimbursed: 30/120 from the
/// return). Post-order value: the refunded principal per unit, else the last reimbursement of the FNSKU.
/// </summary>
public static class CustomerScenarios
{
    public static void Add(Account a)
    {
        Refunds(a, Market.Us);
        if (a.Europe)
        {
            Refunds(a, Market.Uk);
        }
        UsRefundVariants(a);
        DamagedReturns(a);
    }

    /// <summary>The four status edges of the refund window, in both marketplaces (their windows differ).</summary>
    private static void Refunds(Account a, Market m)
    {
        var (wait, window) = Windows(RefundNotReturned, m);
        var code = m.Code.ToLowerInvariant();
        foreach (var (name, age, status) in new[]
        {
            ("waiting-one-day-short", wait - 1, "Waiting"),
            ("claimable-first-day", wait, "Claimable"),
            ("claimable-last-day", window, "Claimable"),
            ("expired-by-one-day", window + 1, "Expired"),
        })
        {
            var p = a.NewProduct(m, withCost: true);
            var units = a.Random.Next(1, 3);
            var order = a.Sell(p, age + a.Random.Next(3, 15), units);
            a.Refund(p, order, age, units);
            a.Expect($"{code}-refund-not-returned-{name}", RefundNotReturned, status, m, a.Day(age), units, p.Price,
                sku: p.Sku, orderId: order, omit: "fnsku");
        }

        // Decoy: the seller refunded its own (merchant-fulfilled) order.
        var mp = a.NewProduct(m, withCost: true);
        var mo = a.Sell(mp, 95, 1, amazonFulfilled: false);
        a.Refund(mp, mo, 80, 1, amazonFulfilled: false);
        a.Decoy($"{code}-refund-seller-fulfilled", RefundNotReturned, "refund of a merchant-fulfilled order", m, sku: mp.Sku, orderId: mo);

        // Decoy: refunded and returned.
        var rp = a.NewProduct(m, withCost: true);
        var ro = a.Sell(rp, 90, 1);
        a.Return(rp, ro, 82, 1, "SELLABLE", "UNWANTED_ITEM");
        a.Refund(rp, ro, 80, 1);
        a.Decoy($"{code}-refund-returned", RefundNotReturned, "the refunded unit came back (SELLABLE)", m, sku: rp.Sku, orderId: ro);
    }

    private static void UsRefundVariants(Account a)
    {
        var us = Market.Us;

        // 2 refunded, 1 came back (any disposition counts as returned).
        var p = a.NewProduct(us, withCost: true);
        var order = a.Sell(p, 95, 2);
        a.Return(p, order, 84, 1, "CUSTOMER_DAMAGED", "DEFECTIVE", "stopped working");
        a.Refund(p, order, 80, 2);
        a.Expect("us-refund-partly-returned", RefundNotReturned, "Claimable", us, a.Day(80), 1, p.Price, sku: p.Sku, orderId: order, omit: "fnsku");

        // Two refund rows of one order and SKU are summed; the reference is the first.
        p = a.NewProduct(us, withCost: true);
        order = a.Sell(p, 100, 2);
        a.Refund(p, order, 90, 1);
        a.Refund(p, order, 85, 1);
        a.Expect("us-refund-two-rows-summed", RefundNotReturned, "Claimable", us, a.Day(90), 2, p.Price, sku: p.Sku, orderId: order, omit: "fnsku");

        // 3 refunded, 1 reimbursed as a customer-service issue.
        p = a.NewProduct(us, withCost: true);
        order = a.Sell(p, 115, 3);
        a.Refund(p, order, 100, 3);
        a.Reimburse(p, 40, "CustomerServiceIssue", 1, p.Price, orderId: order);
        a.Expect("us-refund-partly-reimbursed", RefundNotReturned, "Claimable", us, a.Day(100), 2, p.Price, sku: p.Sku, orderId: order, omit: "fnsku");

        // Decoy: reimbursed in full by Amazon (CustomerReturn).
        p = a.NewProduct(us, withCost: true);
        order = a.Sell(p, 110, 1);
        a.Refund(p, order, 95, 1);
        a.Reimburse(p, 30, "CustomerReturn", 1, p.Price, orderId: order);
        a.Decoy("us-refund-fully-reimbursed", RefundNotReturned, "1 refunded, 1 reimbursed CustomerReturn", us, sku: p.Sku, orderId: order);
    }

    private static void DamagedReturns(Account a)
    {
        var us = Market.Us;
        var r = a.Random;

        // Waiting; the order was refunded, so the unit is valued at the refunded principal (and the refund is not a RefundNotReturned: it came back).
        var p = a.NewProduct(us, withCost: true);
        var age = r.Next(5, 29);
        var order = a.Sell(p, age + 12, 1);
        a.Return(p, order, age, 1, "DAMAGED", "DAMAGED_BY_FC", "box crushed");
        a.Refund(p, order, age - 2, 1);
        a.Expect("return-damaged-waiting-refund-value", ReturnDamagedNotReimbursed, "Waiting", us, a.Day(age), 1, p.Price, p.Fnsku, p.Sku, orderId: order);
        a.Decoy("refund-returned-damaged", RefundNotReturned, "refunded unit came back (DAMAGED): a return claim, not a refund claim", us, sku: p.Sku, orderId: order);

        p = a.NewProduct(us, withCost: true);
        age = r.Next(31, 119);
        order = a.Sell(p, age + 10, 2);
        a.Return(p, order, age, 2, "DAMAGED", "DAMAGED_BY_CARRIER");
        a.Refund(p, order, age - 3, 2);
        a.Expect("return-damaged-claimable-refund-value", ReturnDamagedNotReimbursed, "Claimable", us, a.Day(age), 2, p.Price, p.Fnsku, p.Sku, orderId: order);

        // First day; the refund is older than the transaction download, no cost counts after an order:
        // valued at the last reimbursement of the FNSKU (another order's CustomerReturn).
        p = a.NewProduct(us, withCost: false);
        a.Reimburse(p, 200, "CustomerReturn", 1, 14.50m, orderId: a.Ids.Order(us));
        order = a.Ids.Order(us);
        a.Return(p, order, 30, 1, "DAMAGED", "NOT_AS_DESCRIBED");
        a.Expect("return-damaged-first-day-last-reimbursement-value", ReturnDamagedNotReimbursed, "Claimable", us, a.Day(30), 1, 14.50m, p.Fnsku, p.Sku, orderId: order);

        // 2 returned DAMAGED, 1 reimbursed Damaged_Warehouse for that order; valued at that reimbursement.
        p = a.NewProduct(us, withCost: false);
        order = a.Ids.Order(us);
        a.Return(p, order, 60, 2, "DAMAGED", "DAMAGED_BY_FC");
        a.Reimburse(p, 50, "Damaged_Warehouse", 1, 9.95m, orderId: order);
        a.Expect("return-damaged-partly-reimbursed", ReturnDamagedNotReimbursed, "Claimable", us, a.Day(60), 1, 9.95m, p.Fnsku, p.Sku, orderId: order);

        // Last day, nothing to value it by.
        p = a.NewProduct(us, withCost: false);
        order = a.Ids.Order(us);
        a.Return(p, order, 120, 1, "DAMAGED", "UNDELIVERABLE_UNKNOWN");
        a.Expect("return-damaged-last-day-value-unknown", ReturnDamagedNotReimbursed, "Claimable", us, a.Day(120), 1, null, p.Fnsku, p.Sku, orderId: order);

        p = a.NewProduct(us, withCost: true);
        age = r.Next(121, 170);
        order = a.Sell(p, age + 9, 1);
        a.Return(p, order, age, 1, "DAMAGED", "DAMAGED_BY_FC");
        a.Refund(p, order, age - 1, 1);
        a.Expect("return-damaged-expired", ReturnDamagedNotReimbursed, "Expired", us, a.Day(age), 1, p.Price, p.Fnsku, p.Sku, orderId: order);

        // Decoys: reimbursed; and the customer's (not Amazon's) damage.
        p = a.NewProduct(us, withCost: true);
        order = a.Sell(p, 70, 1);
        a.Return(p, order, 60, 1, "DAMAGED", "DAMAGED_BY_FC");
        a.Refund(p, order, 58, 1);
        a.Reimburse(p, 40, "CustomerReturn", 1, p.Price, orderId: order);
        a.Decoy("return-damaged-reimbursed", ReturnDamagedNotReimbursed, "DAMAGED return reimbursed CustomerReturn", us, p.Fnsku, p.Sku, orderId: order);

        p = a.NewProduct(us, withCost: true);
        order = a.Sell(p, 70, 1);
        a.Return(p, order, 61, 1, "CUSTOMER_DAMAGED", "QUALITY_UNACCEPTABLE");
        a.Refund(p, order, 59, 1);
        a.Decoy("return-customer-damaged", ReturnDamagedNotReimbursed, "CUSTOMER_DAMAGED is not Amazon's fault", us, p.Fnsku, p.Sku, orderId: order);
    }
}
