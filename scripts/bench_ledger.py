#!/usr/bin/env python3
"""Writes a synthetic Inventory Ledger detailed view (Seller Central TSV download layout) to stdout.

Realistic mix: mostly customer Shipments, then Receipts (FBA shipment ids), CustomerReturns, Adjustments
with reason codes (M/F/E/P/D/O/5/N …, reconciled/unreconciled quantities), VendorReturns and WhseTransfers.
Deterministic (seeded). Usage: bench_ledger.py ROWS > ledger.tsv
"""
import random
import sys
from datetime import date, timedelta

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
rnd = random.Random(20261126)
out = sys.stdout

header = ["Date", "FNSKU", "ASIN", "MSKU", "Title", "Event Type", "Reference ID", "Quantity", "Fulfillment Center",
          "Disposition", "Reason", "Country", "Reconciled Quantity", "Unreconciled Quantity", "Date and Time"]
out.write("\t".join(header) + "\n")

words = ("Stainless Steel Insulated Water Bottle Wide Mouth Lid Leak Proof Vacuum Double Wall Kitchen Storage Set "
         "Organizer Premium Bamboo Cutting Board Silicone Baking Mat Non Stick Reusable Travel Mug Black Blue Green").split()
products = []
for i in range(4000):
    title = " ".join(rnd.choice(words) for _ in range(rnd.randint(8, 16)))
    products.append((f"X00{i:07d}"[:10], f"B0{rnd.randrange(16**8):08X}", f"SKU-{i:05d}-{rnd.choice('ABCDEF')}", title))
fcs = ["PHX6", "ONT8", "LGB3", "MDW2", "BFI4", "CLT2", "TPA1", "SMF3", "AVP1", "RIC2"]
events = [("Shipments", 800), ("Receipts", 60), ("CustomerReturns", 50), ("Adjustments", 60), ("VendorReturns", 15), ("WhseTransfers", 15)]
population = [e for e, w in events for _ in range(w)]
reasons = [("M", -1), ("5", -1), ("F", 1), ("N", 1), ("E", -1), ("P", 1), ("Q", -1), ("D", -1), ("O", -1), ("3", 1), ("4", -1), ("6", -1), ("H", -1), ("K", -1)]
start = date(2025, 1, 1)
days = 365
buffer = []
for n in range(rows):
    day = start + timedelta(days=n * days // rows)
    fnsku, asin, msku, title = products[rnd.randrange(len(products))]
    event = population[rnd.randrange(len(population))]
    fc = fcs[rnd.randrange(len(fcs))]
    disposition, reason, reconciled, unreconciled = "SELLABLE", "", "", ""
    if event == "Shipments":
        ref, qty = f"{rnd.randint(111, 114)}-{rnd.randrange(10**7):07d}-{rnd.randrange(10**7):07d}", -rnd.choice([1, 1, 1, 2, 3])
    elif event == "Receipts":
        ref, qty = f"FBA{rnd.randrange(36**9):09X}"[:12], rnd.randint(1, 48)
    elif event == "CustomerReturns":
        ref, qty = f"{rnd.randint(111, 114)}-{rnd.randrange(10**7):07d}-{rnd.randrange(10**7):07d}", 1
        disposition = rnd.choice(["SELLABLE", "SELLABLE", "CUSTOMER_DAMAGED", "DEFECTIVE"])
    elif event == "Adjustments":
        reason, sign = rnd.choice(reasons)
        ref, qty = str(rnd.randrange(10**10, 10**11)), sign * rnd.randint(1, 3)
        if reason in ("M", "5", "E", "6", "H", "K"):
            reconciled = str(rnd.randint(0, abs(qty)))
            unreconciled = str(abs(qty) - int(reconciled))
        if reason == "P":
            disposition = "WAREHOUSE_DAMAGED"
    elif event == "VendorReturns":
        ref, qty = f"RMV-{rnd.randrange(10**6):06d}", -rnd.randint(1, 10)
        disposition = rnd.choice(["SELLABLE", "CUSTOMER_DAMAGED"])
    else:
        ref, qty = str(rnd.randrange(10**9, 10**10)), rnd.choice([-1, 1]) * rnd.randint(1, 20)
    stamp = f"{day.isoformat()}T{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}-0700"
    buffer.append(f"{day.month:02d}/{day.day:02d}/{day.year}\t{fnsku}\t{asin}\t{msku}\t{title}\t{event}\t{ref}\t{qty}\t{fc}\t"
                  f"{disposition}\t{reason}\tUS\t{reconciled}\t{unreconciled}\t{stamp}\n")
    if len(buffer) >= 10000:
        out.write("".join(buffer))
        buffer.clear()
out.write("".join(buffer))
