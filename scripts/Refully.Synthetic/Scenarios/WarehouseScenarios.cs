using static Refully.Synthetic.Policy;

namespace Refully.Synthetic.Scenarios;

/// <summary>
/// Units lost (M, 5) or damaged (6, 7, E, H, K, U) in a fulfilment centre: claims.md §2 LostWarehouse and
/// DamagedWarehouse (wait 30, window 60 from the adjustment date), with FIFO offsets, reversals and decoys.
/// Every scenario has its own FNSKU, so offsets never cross scenarios.
/// </summary>
public static class WarehouseScenarios
{
    public static void Add(Account a)
    {
        Lost(a, Market.Us);
        Damaged(a, Market.Us);
        if (a.Europe)
        {
            LostUk(a);
        }
    }

    private static void Lost(Account a, Market us)
    {
        var r = a.Random;

        // Waiting: lost 12–25 days ago, valued at the seller's cost.
        var p = a.NewProduct(us, withCost: true);
        var age = r.Next(12, 26);
        var units = r.Next(1, 4);
        var id = a.Lose(p, age, units);
        a.Expect("lost-waiting", LostWarehouse, "Waiting", us, a.Day(age), units, p.Cost, p.Fnsku, p.Sku, referenceId: id);

        // Claimable on its first day (age = wait); no cost: valued at the last reimbursement for the FNSKU,
        // paid for an older loss before the data starts (dated before this loss, so it offsets nothing).
        p = a.NewProduct(us, withCost: false);
        var earlier = 30 + r.Next(40, 90);
        a.Reimburse(p, earlier, "Lost_Warehouse", 1, 11.25m);
        id = a.Lose(p, 30, 1);
        a.Expect("lost-claimable-first-day-last-reimbursement-value", LostWarehouse, "Claimable", us, a.Day(30), 1, 11.25m, p.Fnsku, p.Sku, referenceId: id);

        // Claimable on its last day (age = window); reason 5; no cost, no reimbursement: amount unknown.
        p = a.NewProduct(us, withCost: false);
        id = a.Lose(p, 60, 3, "5");
        a.Expect("lost-reason-5-claimable-last-day-value-unknown", LostWarehouse, "Claimable", us, a.Day(60), 3, null, p.Fnsku, p.Sku, referenceId: id);

        // Expired the day after the window closed.
        p = a.NewProduct(us, withCost: true);
        id = a.Lose(p, 61, 2);
        a.Expect("lost-expired-by-one-day", LostWarehouse, "Expired", us, a.Day(61), 2, p.Cost, p.Fnsku, p.Sku, referenceId: id);

        // FIFO: 2 lost, then 3 lost, then 1 found: the found unit goes to the older loss. A unit found before
        // both losses belongs to a loss outside the data and offsets nothing.
        p = a.NewProduct(us, withCost: true);
        a.Find(p, 75, 1);
        var older = a.Lose(p, 55, 2);
        var newer = a.Lose(p, 40, 3);
        a.Find(p, 35, 1, "N");
        a.Expect("lost-fifo-older-event-offset-first", LostWarehouse, "Claimable", us, a.Day(55), 1, p.Cost, p.Fnsku, p.Sku, referenceId: older);
        a.Expect("lost-fifo-newer-event-untouched", LostWarehouse, "Claimable", us, a.Day(40), 3, p.Cost, p.Fnsku, p.Sku, referenceId: newer);

        // Partly reimbursed, no cost: the rest valued at that reimbursement's amount per unit.
        p = a.NewProduct(us, withCost: false);
        id = a.Lose(p, 45, 3);
        a.Reimburse(p, 38, "Lost_Warehouse", 1, 12.40m);
        a.Expect("lost-partly-reimbursed-last-reimbursement-value", LostWarehouse, "Claimable", us, a.Day(45), 2, 12.40m, p.Fnsku, p.Sku, referenceId: id);

        // Reimbursed, then the reimbursement reversed: the loss re-opens.
        p = a.NewProduct(us, withCost: true);
        id = a.Lose(p, 50, 2);
        var paid = a.Reimburse(p, 44, "Lost_Warehouse", 2, p.Cost!.Value);
        a.Reverse(p, 36, paid, "Lost_Warehouse", 2, p.Cost.Value);
        a.Expect("lost-reimbursed-then-reversed-reopens", LostWarehouse, "Claimable", us, a.Day(50), 2, p.Cost, p.Fnsku, p.Sku, referenceId: id);

        // A reversal naming a reimbursement outside the data takes back from the latest earlier one of the same reason and FNSKU.
        p = a.NewProduct(us, withCost: true);
        id = a.Lose(p, 52, 2);
        a.Reimburse(p, 46, "Lost_Warehouse", 2, p.Cost!.Value);
        a.Reverse(p, 35, a.Ids.ReimbursementOutsideData(), "Lost_Warehouse", 1, p.Cost.Value);
        a.Expect("lost-reversal-of-unknown-original-reopens-one", LostWarehouse, "Claimable", us, a.Day(52), 1, p.Cost, p.Fnsku, p.Sku, referenceId: id);

        // Decoy: lost, then found again (F and N).
        p = a.NewProduct(us, withCost: true);
        id = a.Lose(p, 50, 2);
        a.Find(p, 45, 1);
        a.Find(p, 40, 1, "N");
        a.Decoy("lost-then-found", LostWarehouse, "2 lost, 1 found (F) and 1 found (N) later", us, p.Fnsku, referenceId: id);

        // Decoy: found under the Amazon.Found.<ASIN> MSKU, which belongs to the ASIN's FNSKU.
        p = a.NewProduct(us, withCost: true);
        id = a.Lose(p, 48, 1);
        a.Find(p, 42, 1, asAmazonFound: true);
        a.Decoy("lost-then-found-as-amazon-found", LostWarehouse, "1 lost, 1 found under MSKU Amazon.Found.<ASIN>", us, p.Fnsku, referenceId: id);

        // Decoy: fully reimbursed (at cost, so no ReimbursedBelowCost either).
        p = a.NewProduct(us, withCost: true);
        id = a.Lose(p, 47, 3);
        a.Reimburse(p, 33, "Lost_Warehouse", 3, p.Cost!.Value);
        a.Decoy("lost-fully-reimbursed", LostWarehouse, "3 lost, 3 reimbursed Lost_Warehouse later", us, p.Fnsku, referenceId: id);
    }

    private static void Damaged(Account a, Market us)
    {
        var r = a.Random;

        var p = a.NewProduct(us, withCost: true);
        var age = r.Next(3, 29);
        var id = a.Damage(p, age, 1, "E");
        a.Expect("damaged-waiting", DamagedWarehouse, "Waiting", us, a.Day(age), 1, p.Cost, p.Fnsku, p.Sku, referenceId: id);

        // No cost: valued at an earlier Damaged_Warehouse reimbursement of the FNSKU (dated before, offsets nothing).
        p = a.NewProduct(us, withCost: false);
        a.Reimburse(p, 120, "Damaged_Warehouse", 1, 8.60m);
        age = r.Next(31, 59);
        id = a.Damage(p, age, 2, "H");
        a.Expect("damaged-claimable-last-reimbursement-value", DamagedWarehouse, "Claimable", us, a.Day(age), 2, 8.60m, p.Fnsku, p.Sku, referenceId: id);

        // Partly reimbursed at cost.
        p = a.NewProduct(us, withCost: true);
        id = a.Damage(p, 45, 3, "K");
        a.Reimburse(p, 38, "Damaged_Warehouse", 1, p.Cost!.Value);
        a.Expect("damaged-partly-reimbursed", DamagedWarehouse, "Claimable", us, a.Day(45), 2, p.Cost, p.Fnsku, p.Sku, referenceId: id);

        p = a.NewProduct(us, withCost: true);
        id = a.Damage(p, 30, 2, "U");
        a.Expect("damaged-reason-U-claimable-first-day", DamagedWarehouse, "Claimable", us, a.Day(30), 2, p.Cost, p.Fnsku, p.Sku, referenceId: id);

        p = a.NewProduct(us, withCost: true);
        id = a.Damage(p, 60, 1, "7");
        a.Expect("damaged-reason-7-claimable-last-day", DamagedWarehouse, "Claimable", us, a.Day(60), 1, p.Cost, p.Fnsku, p.Sku, referenceId: id);

        p = a.NewProduct(us, withCost: false);
        age = r.Next(61, 100);
        id = a.Damage(p, age, 1, "6");
        a.Expect("damaged-reason-6-expired-value-unknown", DamagedWarehouse, "Expired", us, a.Day(age), 1, null, p.Fnsku, p.Sku, referenceId: id);

        // Decoys.
        p = a.NewProduct(us, withCost: true);
        id = a.Damage(p, 50, 2, "E");
        a.Reimburse(p, 45, "Damaged_Warehouse", 2, p.Cost!.Value);
        a.Decoy("damaged-fully-reimbursed", DamagedWarehouse, "2 damaged (E), 2 reimbursed Damaged_Warehouse", us, p.Fnsku, referenceId: id);

        p = a.NewProduct(us, withCost: true);
        var q = a.Ids.TransactionItem();
        a.Ledger.Add(new LedgerRow(a.Day(44), p, "Adjustments", q, -1, a.Fc(us), "SELLABLE", "Q"));
        a.Ledger.Add(new LedgerRow(a.Day(44), p, "Adjustments", a.Ids.TransactionItem(), 1, a.Fc(us), "WAREHOUSE_DAMAGED", "P"));
        a.Ledger.Add(new LedgerRow(a.Day(37), p, "Adjustments", a.Ids.TransactionItem(), 2, a.Fc(us), "WAREHOUSE_DAMAGED", "P"));
        a.Decoy("damaged-P-rows-only", DamagedWarehouse, "a Q/P disposition change and a lone P row: P is never a loss", us, p.Fnsku);
    }

    private static void LostUk(Account a)
    {
        var uk = Market.Uk;
        var p = a.NewProduct(uk, withCost: true);
        var age = a.Random.Next(31, 50);
        var id = a.Lose(p, age + 5, 3);
        a.Reimburse(p, age, "Lost_Warehouse", 1, p.Cost!.Value);
        a.Expect("uk-lost-partly-reimbursed", LostWarehouse, "Claimable", uk, a.Day(age + 5), 2, p.Cost, p.Fnsku, p.Sku, referenceId: id);

        p = a.NewProduct(uk, withCost: true);
        id = a.Damage(p, 40, 1, "E");
        a.Reimburse(p, 33, "Damaged_Warehouse", 1, p.Cost!.Value);
        a.Decoy("uk-damaged-fully-reimbursed", DamagedWarehouse, "1 damaged (E), 1 reimbursed Damaged_Warehouse", uk, p.Fnsku, referenceId: id);
    }
}
