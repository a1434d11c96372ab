using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Refully.Synthetic.AmazonFormats;

namespace Refully.Synthetic.Reports;

/// <summary>A file written, the report it is (the name `scan` gives it) and its data rows (JSON: items).</summary>
public sealed record WrittenFile(string File, string Report, int Rows, string? Marketplace);

/// <summary>
/// Writes an account's rows as Seller Central / SP-API files: header names, column order, delimiters,
/// quoting, date shapes and preambles as domain.md §3 documents them.
/// </summary>
public sealed class ReportFiles(Account account, string root)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly List<WrittenFile> _written = [];

    public IReadOnlyList<WrittenFile> WriteAll()
    {
        foreach (var m in account.Markets)
        {
            var dir = m.Code;
            Ledger(m, $"{dir}/inventory-ledger-{m.Code}.txt");
            Reimbursements(m, $"{dir}/reimbursements-{(m.IsUs ? "NA" : "EU")}.txt");
            Returns(m, $"{dir}/customer-returns-{m.Code}.txt");
            DateRange(m, $"{dir}/{account.AsOf.AddDays(-Account.HistoryDays):yyyyMMdd}-{account.AsOf.AddDays(-1):yyyyMMdd}CustomTransaction-{m.Code}.csv");
        }
        InboundShipments("US/inbound-getShipments-US.json");
        InboundItems("US/inbound-getShipmentItems-US.json");
        Removals(Market.Us, "US/removal-order-detail-US.txt");
        Costs("unit-costs.csv");
        return _written;
    }

    private void Ledger(Market m, string file)
    {
        string[] header = ["Date", "FNSKU", "ASIN", "MSKU", "Title", "Event Type", "Reference ID", "Quantity", "Fulfillment Center",
            "Disposition", "Reason", "Country", "Reconciled Quantity", "Unreconciled Quantity", "Date and Time"];
        var rows = account.Ledger.Where(l => l.Product.Market == m).OrderBy(l => l.Date)
            .Select(l => new[]
            {
                LedgerDate(m, l.Date), l.Fnsku ?? l.Product.Fnsku, l.Product.Asin, l.Msku ?? l.Product.Sku, l.Product.Title, l.EventType,
                l.ReferenceId, l.Quantity.ToString(), l.Fc, l.Disposition, l.Reason, m.LedgerCountry,
                l.Reconciled?.ToString() ?? "", l.Unreconciled?.ToString() ?? "", LedgerDateTime(m, l.Date),
            });
        Tsv(file, "InventoryLedgerDetail", m, header, rows);
    }

    private void Reimbursements(Market m, string file)
    {
        string[] header = ["approval-date", "reimbursement-id", "case-id", "amazon-order-id", "reason", "sku", "fnsku", "asin", "product-name",
            "condition", "currency-unit", "amount-per-unit", "amount-total", "quantity-reimbursed-cash", "quantity-reimbursed-inventory",
            "quantity-reimbursed-total", "original-reimbursement-id", "original-reimbursement-type"];
        var rows = account.Reimbursements.Where(r => r.Product.Market == m).OrderBy(r => r.Approval).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new[]
            {
                Iso(r.Approval, m.IsUs ? 19 : 12), r.Id, r.CaseId ?? "", r.OrderId ?? "", r.Reason, r.Product.Sku, r.Product.Fnsku, r.Product.Asin,
                r.Product.Title, "New", m.Currency, Money(r.AmountPerUnit), Money(r.AmountPerUnit * r.Cash), r.Cash.ToString(),
                r.Inventory.ToString(), (r.Cash + r.Inventory).ToString(), r.OriginalId ?? "", r.OriginalType ?? "",
            });
        Tsv(file, "Reimbursements", m, header, rows);
    }

    private void Returns(Market m, string file)
    {
        string[] header = ["return-date", "order-id", "sku", "asin", "fnsku", "product-name", "quantity", "fulfillment-center-id",
            "detailed-disposition", "reason", "status", "license-plate-number", "customer-comments"];
        var rows = account.Returns.Where(r => r.Product.Market == m).OrderBy(r => r.Date)
            .Select(r => new[]
            {
                Iso(r.Date, r.UtcHour, r.Lpn[^2..].Sum(c => c) % 60), r.OrderId, r.Product.Sku, r.Product.Asin, r.Product.Fnsku, r.Product.Title,
                r.Quantity.ToString(), r.Fc, r.Disposition, r.Reason, r.Status, r.Lpn, r.Comments,
            });
        Tsv(file, "CustomerReturns", null, header, rows);
    }

    private void DateRange(Market m, string file)
    {
        string[] preamble = m.IsUs
            ?
            [
                "Includes Amazon Marketplace, Fulfillment by Amazon (FBA), and Amazon Webstore transactions",
                "All amounts in USD, unless specified",
                "Definitions:",
                "Sales tax collected: Includes sales tax collected from buyers for product sales, shipping, and gift wrap.",
                "Selling fees: Includes variable closing fees and referral fees.",
                "Other transaction fees: Includes shipping chargebacks, shipping holdbacks, per-item fees  and sales tax collection fees.",
                "Other: Includes non-order transaction amounts. For more details, see the \"Type\" and \"Description\" columns for each order ID.",
            ]
            :
            [
                "Includes Amazon Marketplace, Fulfilment by Amazon (FBA), and Amazon Webstore transactions",
                "All amounts in GBP, unless specified",
                "Definitions:",
                "Selling fees: Includes variable closing fees and referral fees.",
                "Other transaction fees: Includes postage chargebacks.",
                "Other: Includes non-order transaction amounts.",
            ];
        string[] header = m.IsUs
            ? ["date/time", "settlement id", "type", "order id", "sku", "description", "quantity", "marketplace", "account type", "fulfillment",
                "order city", "order state", "order postal", "tax collection model", "product sales", "product sales tax", "shipping credits",
                "shipping credits tax", "gift wrap credits", "giftwrap credits tax", "Regulatory Fee", "Tax On Regulatory Fee", "promotional rebates",
                "promotional rebates tax", "marketplace withheld tax", "selling fees", "fba fees", "other transaction fees", "other", "total"]
            : ["date/time", "settlement id", "type", "order id", "sku", "description", "quantity", "marketplace", "fulfilment", "order city",
                "order state", "order postal", "tax collection model", "product sales", "product sales tax", "postage credits", "shipping credits tax",
                "gift wrap credits", "giftwrap credits tax", "promotional rebates", "promotional rebates tax", "marketplace withheld tax",
                "selling fees", "fba fees", "other transaction fees", "other", "total"];
        var rows = account.Transactions.Where(t => t.Market == m)
            .OrderBy(t => t.Date).ThenBy(t => t.LocalMinute)
            .Select(t => m.IsUs ? UsTransaction(t) : UkTransaction(t)).ToList();
        var sb = new StringBuilder();
        foreach (var line in preamble)
        {
            sb.Append(Quote(line)).Append("\r\n");
        }
        sb.Append(string.Join(",", header.Select(Quote))).Append("\r\n");
        foreach (var row in rows)
        {
            sb.Append(string.Join(",", row.Select(Quote))).Append("\r\n");
        }
        Write(file, sb.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        _written.Add(new WrittenFile(file, "DateRangeTransactions", rows.Count, m.Code));
    }

    private string[] UsTransaction(TransactionRow t)
    {
        var isOrder = t.Product is not null;
        var place = isOrder ? new[] { "Bainbridge Island", "WA", "98110-1523" } : ["", "", ""];
        return
        [
            TransactionDate(Market.Us, t.Date, t.LocalMinute), t.SettlementId, t.Type, t.OrderId, t.Product?.Sku ?? "", t.Description,
            t.Quantity?.ToString() ?? "", "amazon.com", "Standard Orders", t.Fulfillment, place[0], place[1], place[2],
            isOrder ? "MarketplaceFacilitator" : "", Money(t.ProductSales), Money(t.ProductSalesTax), Money(t.ShippingCredits), "0", "0", "0", "0", "0",
            "0", "0", Money(t.MarketplaceWithheldTax), Money(t.SellingFees), Money(t.FbaFees), "0", Money(t.Other), Money(t.Total),
        ];
    }

    private string[] UkTransaction(TransactionRow t)
    {
        var isOrder = t.Product is not null;
        return
        [
            TransactionDate(Market.Uk, t.Date, t.LocalMinute), t.SettlementId, t.Type, t.OrderId, t.Product?.Sku ?? "", t.Description,
            t.Quantity?.ToString() ?? "", "amazon.co.uk", t.Fulfillment, isOrder ? "London" : "", "", isOrder ? "EC1A 1BB" : "", "",
            Money(t.ProductSales), Money(t.ProductSalesTax), Money(t.ShippingCredits), "0", "0", "0", "0", "0", Money(t.MarketplaceWithheldTax),
            Money(t.SellingFees), Money(t.FbaFees), "0", Money(t.Other), Money(t.Total),
        ];
    }

    private void InboundShipments(string file)
    {
        var data = new JsonArray();
        foreach (var s in account.Shipments)
        {
            data.Add(new JsonObject
            {
                ["ShipmentId"] = s.Id,
                ["ShipmentName"] = s.Name,
                ["ShipFromAddress"] = new JsonObject
                {
                    ["Name"] = "Refully Demo Goods", ["AddressLine1"] = "501 Fairview Ave N", ["City"] = "Seattle",
                    ["StateOrProvinceCode"] = "WA", ["CountryCode"] = "US", ["PostalCode"] = "98109",
                },
                ["DestinationFulfillmentCenterId"] = s.Fc,
                ["ShipmentStatus"] = s.Status,
                ["LabelPrepType"] = "SELLER_LABEL",
                ["AreCasesRequired"] = false,
                ["BoxContentsSource"] = "INTERACTIVE",
            });
        }
        Json(file, "InboundShipments", new JsonObject { ["payload"] = new JsonObject { ["ShipmentData"] = data } }, data.Count);
    }

    private void InboundItems(string file)
    {
        var data = new JsonArray();
        foreach (var s in account.Shipments)
        {
            foreach (var i in s.Items)
            {
                data.Add(new JsonObject
                {
                    ["ShipmentId"] = s.Id,
                    ["SellerSKU"] = i.Product.Sku,
                    ["FulfillmentNetworkSKU"] = i.Product.Fnsku,
                    ["QuantityShipped"] = i.Shipped,
                    ["QuantityReceived"] = i.Received,
                    ["QuantityInCase"] = 0,
                    ["PrepDetailsList"] = new JsonArray(),
                });
            }
        }
        Json(file, "InboundShipmentItems", new JsonObject { ["payload"] = new JsonObject { ["ItemData"] = data } }, data.Count);
    }

    private void Removals(Market m, string file)
    {
        string[] header = ["request-date", "order-id", "order-type", "service-speed", "order-status", "last-updated-date", "sku", "fnsku",
            "disposition", "requested-quantity", "cancelled-quantity", "disposed-quantity", "shipped-quantity", "in-process-quantity",
            "removal-fee", "currency"];
        var rows = account.Removals.Where(r => r.Product.Market == m).OrderBy(r => r.Requested)
            .Select(r => new[]
            {
                Iso(r.Requested, 18), r.OrderId, r.Type, "Standard", r.Status, Iso(r.LastUpdated, 18), r.Product.Sku, r.Product.Fnsku,
                r.Disposition, r.RequestedQty.ToString(), r.Cancelled.ToString(), r.Disposed.ToString(), r.Shipped.ToString(),
                r.InProcess.ToString(), Money(r.Fee), m.Currency,
            });
        Tsv(file, "RemovalOrderDetail", m, header, rows);
    }

    private void Costs(string file)
    {
        var sb = new StringBuilder("sku,fnsku,unit-cost,currency\n");
        var rows = account.Products.Where(p => p.Cost is not null).ToList();
        foreach (var p in rows)
        {
            sb.Append($"{p.Sku},{p.Fnsku},{Money(p.Cost!.Value)},{p.Market.Currency}\n");
        }
        Write(file, sb.ToString(), Utf8);
        _written.Add(new WrittenFile(file, "UnitCosts", rows.Count, null));
    }

    private void Tsv(string file, string report, Market? market, string[] header, IEnumerable<string[]> rows)
    {
        var sb = new StringBuilder(string.Join('\t', header)).Append('\n');
        var count = 0;
        foreach (var row in rows)
        {
            sb.Append(string.Join('\t', row)).Append('\n');
            count++;
        }
        Write(file, sb.ToString(), Utf8);
        _written.Add(new WrittenFile(file, report, count, market?.Code));
    }

    private void Json(string file, string report, JsonObject document, int items)
    {
        Write(file, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), Utf8);
        _written.Add(new WrittenFile(file, report, items, null));
    }

    private void Write(string file, string text, Encoding encoding)
    {
        var path = Path.Combine(root, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, encoding);
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";
}
