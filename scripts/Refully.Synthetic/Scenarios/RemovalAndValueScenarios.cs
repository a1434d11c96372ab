using static Refully.Synthetic.Policy;

namespace Refully.Synthetic.Scenarios;

/// <summary>
/// Completed removal orders short of units (RemovalShortage, 0/60 from last-updated-date) and pre-order
/// reimbursements paid below the seller's cost (ReimbursedBelowCost, 0/60 from approval). With a wait of 0
/// neither can be Waiting for data dated before asOf.
/// </summary>
public static class RemovalAndValueScenarios
{
    public static void Add(Account a)
    {
        Removals(a, Market.Us);
        BelowCost(a, Market.Us);
    }

    private static void Removals(Account a, Market us)
    {
        var r = a.Random;

        var p = a.NewProduct(us, withCost: true);
        var age = r.Next(2, 58);
        var id = a.Remove(p, age + 20, age, "Return", "Completed", 6, 0, 0, 4, 0);
        a.Expect("removal-claimable", RemovalShortage, "Claimable", us, a.Day(age), 2, p.Cost, p.Fnsku, p.Sku, removalOrderId: id);

        // requested − cancelled − disposed − shipped = 5 − 1 − 1 − 1; no cost: the last reimbursement of the FNSKU.
        p = a.NewProduct(us, withCost: false);
        a.Reimburse(p, 300, "Lost_Warehouse", 1, 6.70m);
        id = a.Remove(p, 70, 45, "Return", "Completed", 5, 1, 1, 1, 0);
        a.Expect("removal-cancelled-and-disposed-subtracted-last-reimbursement-value", RemovalShortage, "Claimable", us, a.Day(45), 2, 6.70m,
            p.Fnsku, p.Sku, removalOrderId: id);

        p = a.NewProduct(us, withCost: false);
        id = a.Remove(p, 80, 60, "Return", "Completed", 3, 0, 0, 2, 0);
        a.Expect("removal-last-day-value-unknown", RemovalShortage, "Claimable", us, a.Day(60), 1, null, p.Fnsku, p.Sku, removalOrderId: id);

        p = a.NewProduct(us, withCost: true);
        id = a.Remove(p, 90, 61, "Return", "Completed", 4, 0, 0, 1, 0);
        a.Expect("removal-expired-by-one-day", RemovalShortage, "Expired", us, a.Day(61), 3, p.Cost, p.Fnsku, p.Sku, removalOrderId: id);

        // Decoys.
        p = a.NewProduct(us, withCost: true);
        id = a.Remove(p, 50, 30, "Return", "Completed", 5, 1, 0, 4, 0);
        a.Decoy("removal-fully-shipped", RemovalShortage, "Completed: 5 requested = 1 cancelled + 4 shipped", us, p.Fnsku, removalOrderId: id);

        p = a.NewProduct(us, withCost: true);
        id = a.Remove(p, 12, 5, "Return", "Pending", 3, 0, 0, 0, 3);
        a.Decoy("removal-pending", RemovalShortage, "Pending, 3 in process", us, p.Fnsku, removalOrderId: id);

        p = a.NewProduct(us, withCost: true);
        id = a.Remove(p, 40, 38, "Return", "Cancelled", 2, 2, 0, 0, 0);
        a.Decoy("removal-cancelled", RemovalShortage, "Cancelled order", us, p.Fnsku, removalOrderId: id);

        p = a.NewProduct(us, withCost: true);
        id = a.Remove(p, 30, 20, "Disposal", "Completed", 4, 0, 4, 0, 0);
        a.Decoy("removal-disposal-complete", RemovalShortage, "Disposal order, all 4 disposed", us, p.Fnsku, removalOrderId: id);
    }

    private static void BelowCost(Account a, Market us)
    {
        var r = a.Random;

        // Each reimbursement here is for a loss outside the data (no ledger loss on these FNSKUs).
        var p = Costed(a, us, 12.00m);
        var age = r.Next(1, 20);
        var id = a.Reimburse(p, age, "Lost_Warehouse", 2, 9.00m);
        a.Expect("below-cost-lost-warehouse", ReimbursedBelowCost, "Claimable", us, a.Day(age), 2, null, p.Fnsku, p.Sku, referenceId: id, fixedAmount: 6.00m);

        p = Costed(a, us, 15.00m);
        id = a.Reimburse(p, 30, "Lost_Inbound", 4, 13.50m);
        a.Expect("below-cost-lost-inbound", ReimbursedBelowCost, "Claimable", us, a.Day(30), 4, null, p.Fnsku, p.Sku, referenceId: id, fixedAmount: 6.00m);

        p = Costed(a, us, 25.00m);
        id = a.Reimburse(p, 60, "Damaged_Inbound", 1, 18.75m);
        a.Expect("below-cost-damaged-inbound-last-day", ReimbursedBelowCost, "Claimable", us, a.Day(60), 1, null, p.Fnsku, p.Sku, referenceId: id, fixedAmount: 6.25m);

        // Only the cash units count: 1 cash + 1 replacement unit.
        p = Costed(a, us, 20.00m);
        id = a.Reimburse(p, 25, "Damaged_Warehouse", 1, 16.00m, inventory: 1);
        a.Expect("below-cost-cash-units-only", ReimbursedBelowCost, "Claimable", us, a.Day(25), 1, null, p.Fnsku, p.Sku, referenceId: id, fixedAmount: 4.00m);

        p = Costed(a, us, 8.00m);
        age = r.Next(61, 90);
        id = a.Reimburse(p, age, "Damaged_Warehouse", 3, 5.50m);
        a.Expect("below-cost-expired", ReimbursedBelowCost, "Expired", us, a.Day(age), 3, null, p.Fnsku, p.Sku, referenceId: id, fixedAmount: 7.50m);

        // Over-paid on one FNSKU, under-paid on another the same day: the over-payment offsets nothing.
        var over = Costed(a, us, 10.00m);
        var under = Costed(a, us, 10.00m);
        var overId = a.Reimburse(over, 22, "Lost_Warehouse", 2, 15.00m);
        id = a.Reimburse(under, 22, "Lost_Warehouse", 3, 7.00m);
        a.Expect("below-cost-next-to-over-payment", ReimbursedBelowCost, "Claimable", us, a.Day(22), 3, null, under.Fnsku, under.Sku, referenceId: id, fixedAmount: 9.00m);
        a.Decoy("over-paid-fnsku", ReimbursedBelowCost, "paid 15.00 for a 10.00 cost: no finding, and no credit against the other FNSKU", us, over.Fnsku, referenceId: overId);

        // Decoys: within 1% of cost; a post-order reason; replacement units only.
        p = Costed(a, us, 20.00m);
        id = a.Reimburse(p, 15, "Lost_Warehouse", 2, 19.85m);
        a.Decoy("below-cost-within-one-percent", ReimbursedBelowCost, "19.85 against 20.00 is 0.75% below", us, p.Fnsku, referenceId: id);

        p = Costed(a, us, 20.00m);
        id = a.Reimburse(p, 18, "CustomerReturn", 1, 11.00m, orderId: a.Ids.Order(us));
        a.Decoy("below-cost-post-order-reason", ReimbursedBelowCost, "CustomerReturn is not a pre-order reason", us, p.Fnsku, referenceId: id);

        p = Costed(a, us, 20.00m);
        id = a.Reimburse(p, 16, "Damaged_Warehouse", 0, 0m, inventory: 2);
        a.Decoy("below-cost-inventory-only", ReimbursedBelowCost, "replacement units only, no cash", us, p.Fnsku, referenceId: id);
    }

    private static Product Costed(Account a, Market m, decimal cost)
    {
        var p = a.NewProduct(m, withCost: true);
        var costed = p with { Cost = cost, Price = Math.Max(p.Price, cost * 2 + 0.99m) };
        a.Products[a.Products.IndexOf(p)] = costed;
        return costed;
    }
}
