#!/usr/bin/env python3
"""Benchmark client for scripts/bench-pages: builds a ~2 MB captured Inventory Ledger page (Katal kat-table,
declarative shadow roots in every cell, 500 rows in the event mix of scripts/bench_ledger.py) and POSTs it N times to a running companion, printing the
companion's own Server-Timing (parse/store/detect/total of the intake, and request: the whole request inside the
companion, body and JSON included) and the client round trip, p50/p95.
Usage: bench_pages.py URL TOKEN N MODE   (MODE: same = the same page every time; fresh = new rows every time, in the
scan bench's event mix: Customer Shipments rows are not stored, about 90 of 500 rows are; adjustments = new rows every
time, all of them Adjustments, so all 500 are stored: a ledger view filtered to adjustments, the store's worst case)"""
import json, random, statistics, sys, time, urllib.request

HEADERS = ["Date", "FNSKU", "ASIN", "MSKU", "Title", "Event Type", "Reference ID", "Quantity",
           "Fulfillment Center", "Disposition", "Reason", "Country"]
EVENTS = ["Shipments"] * 80 + ["Receipts"] * 6 + ["CustomerReturns"] * 5 + ["Adjustments"] * 9
STYLE = "<style>:host{display:table-cell;padding:8px 12px;border-bottom:1px solid #d5dbdb;font:14px/20px Amazon Ember,Arial,sans-serif}.c{display:flex;align-items:center;gap:4px;min-height:20px}</style>"

def cell(text):
    return f'<kat-table-cell role="cell"><template shadowrootmode="open">{STYLE}<div class="c" part="cell"><slot></slot></div></template>{text}</kat-table-cell>'

def page(rows, seed, adjustments=False):
    out = ['<!DOCTYPE html><html><head><title>Inventory Ledger</title></head><body>',
           '<kat-box><template shadowrootmode="open"><h1>Inventory Ledger</h1><slot></slot></template></kat-box>',
           '<kat-table><template shadowrootmode="open"><div role="table"><slot></slot></div></template><kat-table-head><kat-table-row>']
    out += [f'<kat-table-cell role="columnheader"><template shadowrootmode="open">{STYLE}<span class="h">{h}</span></template></kat-table-cell>' for h in HEADERS]
    out.append('</kat-table-row></kat-table-head><kat-table-body>')
    rnd = random.Random(seed)
    for i in range(rows):
        # The event mix of scripts/bench_ledger.py (a real ledger view): mostly shipments, some receipts, returns and
        # adjustments (10 % of the adjustments losses), so the page exercises what a real page would, not one event type.
        event = "Adjustments" if adjustments else EVENTS[rnd.randrange(len(EVENTS))]
        fnsku = f"X00B{seed:03d}{i % 97:03d}"
        reference, quantity, reason, disposition = f"{seed:03d}{i:07d}", "1", "", "SELLABLE"
        if event == "Shipments":
            reference, quantity = f"11{rnd.randint(1, 4)}-{seed:03d}{i:04d}-{rnd.randrange(10**7):07d}", f"-{rnd.choice([1, 1, 1, 2])}"
        elif event == "Receipts":
            reference, quantity = f"FBA{seed:04d}{i:05X}", str(rnd.randint(1, 24))
        elif event == "CustomerReturns":
            reference, disposition = f"11{rnd.randint(1, 4)}-{seed:03d}{i:04d}-{rnd.randrange(10**7):07d}", rnd.choice(["SELLABLE", "CUSTOMER_DAMAGED"])
        else:
            reason = rnd.choice(["M", "F", "F", "N", "P", "E"])
            quantity = "-2" if reason in ("M", "E") else "1"
            disposition = "WAREHOUSE_DAMAGED" if reason == "P" else "SELLABLE"
        row = [f"10/{1 + i % 28:02d}/2026", fnsku, f"B0BENCH{i % 97:03d}", f"SKU-{i % 97}",
               f"Benchmark product {i % 97} with a long descriptive title, 12 oz, blue", event,
               reference, quantity, "PHX6", disposition, reason, "US"]
        out.append('<kat-table-row role="row">' + "".join(cell(c) for c in row) + '</kat-table-row>')
    out.append('</kat-table-body></kat-table><kat-pagination><template shadowrootmode="open"><span>1–500 of 5,312</span>'
               '<kat-button label="Next"><template shadowrootmode="open"><button>Next</button></template></kat-button></template></kat-pagination></body></html>')
    return "".join(out)

def post(url, token, html):
    body = json.dumps({"url": "https://sellercentral.amazon.com/reportcentral/INVENTORY_LEDGER/0", "title": "Inventory Ledger",
                       "capturedAt": "2026-11-26T08:59:00Z", "html": html}).encode()
    req = urllib.request.Request(url + "/api/pages", data=body, method="POST",
                                 headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    start = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        answer = json.load(r)
        timing = ", ".join(r.headers.get_all("Server-Timing") or [])
    return (time.perf_counter() - start) * 1000, dict((p.split(";dur=")[0].strip(), float(p.split(";dur=")[1])) for p in timing.split(",")), answer

def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]

def main():
    url, token, n, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    adjustments = mode == "adjustments"
    first = page(500, 0, adjustments)
    print(f"page: {len(first.encode()) / 1024 / 1024:.2f} MB, 500 rows, mode={mode}")
    rt, st, answer = post(url, token, first)
    print(f"first post (stores 500 records, runs detection): round trip {rt:.1f} ms, server {st}, "
          f"{answer['records']['inserted']} inserted, {len(answer['findings'])} findings on the page")
    for _ in range(3):
        post(url, token, first)
    rts, parts = [], {}
    for i in range(n):
        html = first if mode == "same" else page(500, i + 1, adjustments)
        rt, st, answer = post(url, token, html)
        rts.append(rt)
        for k, v in st.items():
            parts.setdefault(k, []).append(v)
    print(f"{n} posts: findings on the page {len(answer['findings'])}, last records {answer['records']}")
    for k, v in parts.items():
        print(f"  server {k:7s} p50 {pct(v, .5):7.1f} ms   p95 {pct(v, .95):7.1f} ms")
    print(f"  client round trip p50 {pct(rts, .5):7.1f} ms   p95 {pct(rts, .95):7.1f} ms")

if __name__ == "__main__":
    main()
