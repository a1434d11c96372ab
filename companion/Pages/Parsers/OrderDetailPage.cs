using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Refully.Companion.Domain.Records;
using static Refully.Companion.Pages.Parsers.PageColumn;

namespace Refully.Companion.Pages.Parsers;

/// <summary>
/// An order's detail page (/orders-v3/order/{order id}): its items with SKU, ASIN, quantity and their refund /
/// return state. Read as <see cref="OrderLine"/>s (order status = the order's state, item status = the item's
/// refund or return state), never stored: the page shows no order-item id and the All Orders download's key has
/// it when present, and refunds are money facts the transaction reports hold. The order id anchors findings.
/// </summary>
public sealed partial class OrderDetailPage : IPageParser
{
    private static readonly PageColumn[] Columns =
    [
        Req("sku", PageLabels.MerchantSku),
        Req("quantity", PageLabels.Quantity.Concat(["Quantity ordered", "Bestellte Menge", "Quantité commandée", "Quantità ordinata", "Cantidad pedida", "注文数"]).ToArray()),
        Opt("asin", PageLabels.Asin),
        Opt("status", PageLabels.Status.Concat(["Refund status", "Return status", "Erstattungsstatus", "Statut du remboursement", "Stato del rimborso", "Estado del reembolso", "返金ステータス"]).ToArray()),
    ];

    public PageKind Kind => PageKind.OrderDetail;

    public bool MatchesUrl(Uri url) => PageRecognizer.Recognise(url) == Kind;

    public bool ReadsTablesOnly => false; // it reads headings, labelled fields or tabs too

    public bool MatchesDom(IDocument document) =>
        PageTables.Find(document, Columns, PageTables.FormatFor(null)) is not null && OrderIdIn(document.Title + " " + Headings(document)) is not null;

    public PageParse Parse(IDocument document, Uri url, string? marketplace)
    {
        var result = new PageParseBuilder(Kind, marketplace);
        var orderId = OrderIdIn(url.AbsolutePath) ?? OrderIdIn(document.Title + " " + Headings(document));
        var table = PageTables.Find(document, Columns, PageTables.FormatFor(marketplace));
        if (orderId is null || table is null)
        {
            result.Skip();
            return result.Build(PageFacts.Live);
        }
        result.Anchor(orderId);
        var orderStatus = PageValues.Field(document, "Order status", "Bestellstatus", "Statut de la commande", "Stato dell'ordine", "Estado del pedido", "注文ステータス");
        var purchased = PageValues.Field(document, "Purchase date", "Bestelldatum", "Date d'achat", "Data di acquisto", "Fecha de compra", "購入日");
        var format = PageTables.FormatFor(marketplace);
        foreach (var row in table.Rows)
        {
            var sku = row.Text("sku");
            if (sku is null)
            {
                result.Skip();
                continue;
            }
            result.Add(new OrderLine
            {
                AmazonOrderId = orderId,
                Sku = sku,
                Asin = row.Text("asin"),
                Quantity = row.Int("quantity"),
                OrderStatus = orderStatus,
                ItemStatus = row.Text("status"),
                FulfillmentChannel = Fulfillment.Unknown,
                PurchaseDate = purchased is not null && Reports.Core.ReportValues.TryParseTimestamp(purchased, format, out var date) ? date : default,
            }, store: false);
        }
        return result.Build(PageFacts.Live, "Order lines and their refund state locate findings; they are not stored (no order-item id on the page).");
    }

    private static string Headings(IDocument document) => string.Join(" ", document.QuerySelectorAll("h1, h2, [data-test-id*=order-id], .order-id").Select(e => e.TextContent));

    private static string? OrderIdIn(string text) => OrderPattern().Match(text) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"\b\d{3}-\d{7}-\d{7}\b")]
    private static partial Regex OrderPattern();
}
