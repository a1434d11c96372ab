using static Refully.Synthetic.Policy;

namespace Refully.Synthetic.Scenarios;

/// <summary>
/// Inbound shipments received short: claims.md §2 InboundShortage (wait 15, window 270 from the shipment's
/// latest ledger receipt). Received = max(QuantityReceived, Σ ledger Receipts); Lost_Inbound reimbursements
/// approved on or after the first receipt offset it.
/// </summary>
public static class InboundScenarios
{
    public static void Add(Account a)
    {
        var us = Market.Us;
        var r = a.Random;

        // Waiting: last receipt 5–14 days ago.
        var p = a.NewProduct(us, withCost: true);
        var last = r.Next(5, 15);
        var s = a.Ship("CLOSED", (p, 24, 21, [(last + 2, 12), (last, 9)]));
        a.Expect("inbound-waiting", InboundShortage, "Waiting", us, a.Day(last), 3, p.Cost, p.Fnsku, p.Sku, shipmentId: s.Id);

        // Two FNSKUs: the reference date is the shipment's latest receipt, which is the other FNSKU's.
        p = a.NewProduct(us, withCost: true);
        var other = a.NewProduct(us, withCost: true);
        s = a.Ship("CLOSED", (p, 30, 26, [(100, 20), (98, 6)]), (other, 20, 20, [(99, 15), (94, 5)]));
        a.Expect("inbound-claimable-reference-is-shipment-last-receipt", InboundShortage, "Claimable", us, a.Day(94), 4, p.Cost, p.Fnsku, p.Sku, shipmentId: s.Id);

        // RECEIVING, QuantityReceived lags a late ledger receipt: received = max(30, 35) = 35 of 40.
        p = a.NewProduct(us, withCost: false);
        s = a.Ship("RECEIVING", (p, 40, 30, [(26, 30), (20, 5)]));
        a.Expect("inbound-receiving-ledger-receipts-exceed-shipment-page-value-unknown", InboundShortage, "Claimable", us, a.Day(20), 5, null,
            p.Fnsku, p.Sku, shipmentId: s.Id);

        // Partly reimbursed (Lost_Inbound after the first receipt), no cost: valued at that reimbursement.
        p = a.NewProduct(us, withCost: false);
        s = a.Ship("CLOSED", (p, 50, 44, [(150, 40), (148, 4)]));
        a.Reimburse(p, 120, "Lost_Inbound", 2, 7.80m);
        a.Expect("inbound-partly-reimbursed-last-reimbursement-value", InboundShortage, "Claimable", us, a.Day(148), 4, 7.80m, p.Fnsku, p.Sku, shipmentId: s.Id);

        // First day of the window (age = 15).
        p = a.NewProduct(us, withCost: true);
        s = a.Ship("CLOSED", (p, 18, 16, [(15, 16)]));
        a.Expect("inbound-claimable-first-day", InboundShortage, "Claimable", us, a.Day(15), 2, p.Cost, p.Fnsku, p.Sku, shipmentId: s.Id);

        // A Lost_Inbound reimbursement approved before the shipment's first receipt is not for it.
        p = a.NewProduct(us, withCost: true);
        a.Reimburse(p, 70, "Lost_Inbound", 3, p.Cost!.Value);
        s = a.Ship("CLOSED", (p, 20, 17, [(60, 10), (58, 7)]));
        a.Expect("inbound-reimbursement-before-first-receipt-not-counted", InboundShortage, "Claimable", us, a.Day(58), 3, p.Cost, p.Fnsku, p.Sku, shipmentId: s.Id);

        // Expired: last receipt more than 270 days ago.
        p = a.NewProduct(us, withCost: true);
        last = r.Next(275, 320);
        s = a.Ship("CLOSED", (p, 12, 10, [(last + 1, 6), (last, 4)]));
        a.Expect("inbound-expired", InboundShortage, "Expired", us, a.Day(last), 2, p.Cost, p.Fnsku, p.Sku, shipmentId: s.Id);

        // Decoys.
        p = a.NewProduct(us, withCost: true);
        s = a.Ship("WORKING", (p, 10, 0, []));
        a.Decoy("inbound-working", InboundShortage, "shipment still WORKING: nothing received yet is not a shortage", us, p.Fnsku, shipmentId: s.Id);

        p = a.NewProduct(us, withCost: true);
        s = a.Ship("IN_TRANSIT", (p, 8, 0, []));
        a.Decoy("inbound-in-transit", InboundShortage, "shipment IN_TRANSIT", us, p.Fnsku, shipmentId: s.Id);

        p = a.NewProduct(us, withCost: true);
        s = a.Ship("CLOSED", (p, 24, 20, [(80, 20), (64, 4)]));
        a.Decoy("inbound-late-receipts-cover-it", InboundShortage, "QuantityReceived 20 of 24, but the ledger shows 24 received", us, p.Fnsku, shipmentId: s.Id);

        p = a.NewProduct(us, withCost: true);
        s = a.Ship("CLOSED", (p, 30, 27, [(90, 27)]));
        a.Reimburse(p, 60, "Lost_Inbound", 3, p.Cost!.Value);
        a.Decoy("inbound-fully-reimbursed", InboundShortage, "3 short, 3 reimbursed Lost_Inbound after the first receipt", us, p.Fnsku, shipmentId: s.Id);

        p = a.NewProduct(us, withCost: true);
        s = a.Ship("CLOSED", (p, 10, 12, [(70, 12)]));
        a.Decoy("inbound-over-received", InboundShortage, "12 received of 10 shipped: never a negative finding", us, p.Fnsku, shipmentId: s.Id);
    }
}
