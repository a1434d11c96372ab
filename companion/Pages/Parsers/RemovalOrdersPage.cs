using AngleSharp.Dom;
using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Readers;
using static Refully.Companion.Pages.Parsers.PageColumn;

namespace Refully.Companion.Pages.Parsers;

/// <summary>
/// Removal orders (Removal Order Detail online view, or the removal order list): one row per order and FNSKU.
/// Gives the download's <see cref="RemovalOrderLine"/>s, keyed the same (order id, FNSKU, SKU, disposition);
/// status and quantities change until the order completes, so a visit updates the stored line. Rows are stored
/// only when the table shows the SKU and disposition columns (else the key would differ from the download's).
/// Japanese labels are those of the real JP download (labels.md §3).
/// </summary>
public sealed class RemovalOrdersPage : IPageParser
{
    private static readonly PageColumn[] Columns =
    [
        Req("order", "Removal Order ID", "Order ID", "Remissionsauftragsnummer", "ID de l'ordre de retrait", "ID ordine di rimozione", "ID de orden de retirada", "依頼番号"),
        Req("requested", "Requested Quantity", "Requested", "Angeforderte Menge", "Quantité demandée", "Quantità richiesta", "Cantidad solicitada", "依頼した数"),
        Opt("date", "Request Date", "Anforderungsdatum", "Date de la demande", "Data richiesta", "Fecha de solicitud", "依頼日"),
        Opt("type", "Order Type", "Auftragsart", "Type de commande", "Tipo di ordine", "Tipo de orden", "依頼のタイプ"),
        Opt("status", "Order Status", "Auftragsstatus", "Statut de la commande", "Stato dell'ordine", "Estado de la orden", "依頼のステータス"),
        Opt("updated", "Last Updated", "Zuletzt aktualisiert", "Dernière mise à jour", "Ultimo aggiornamento", "Última actualización", "更新日"),
        Opt("sku", PageLabels.MerchantSku),
        Opt("fnsku", PageLabels.Fnsku),
        Opt("disposition", PageLabels.Disposition.Append("商品のステータス").ToArray()),
        Opt("cancelled", "Cancelled Quantity", "Cancelled", "Stornierte Menge", "Quantité annulée", "Quantità annullata", "Cantidad cancelada", "キャンセルした数"),
        Opt("disposed", "Disposed Quantity", "Disposed", "Entsorgte Menge", "Quantité éliminée", "Quantità smaltita", "Cantidad eliminada", "廃棄した数"),
        Opt("shipped", "Shipped Quantity", "Shipped", "Versandte Menge", "Quantité expédiée", "Quantità spedita", "Cantidad enviada", "発送した数"),
        Opt("inProcess", "In Process Quantity", "In Process", "In Bearbeitung", "Quantité en cours", "Quantità in elaborazione", "Cantidad en proceso", "処理中の数"),
        Opt("fee", "Removal Fee", "Fee", "Gebühr", "Frais de retrait", "Tariffa di rimozione", "Tarifa de retirada", "返送/廃棄手数料"),
    ];

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["返送"] = "Return", ["処分"] = "Disposal", ["完了"] = "Completed", ["キャンセルされました"] = "Cancelled",
        ["rücksendung"] = "Return", ["entsorgung"] = "Disposal", ["abgeschlossen"] = "Completed", ["storniert"] = "Cancelled",
    };

    public PageKind Kind => PageKind.RemovalOrders;

    public bool MatchesUrl(Uri url) => PageRecognizer.Recognise(url) == Kind;

    public bool ReadsTablesOnly => true;

    public bool MatchesDom(IDocument document) => PageTables.Find(document, Columns, PageTables.FormatFor(null)) is not null;

    public PageParse Parse(IDocument document, Uri url, string? marketplace)
    {
        var result = new PageParseBuilder(Kind, marketplace);
        var table = PageTables.Find(document, Columns, PageTables.FormatFor(marketplace));
        if (table is null)
        {
            return result.Build(PageFacts.Live);
        }
        var keyComplete = table.Has("sku") && table.Has("disposition") && table.Has("date");
        foreach (var row in table.Rows)
        {
            var order = row.Text("order");
            var fnsku = row.Text("fnsku");
            result.Anchor(order, fnsku);
            if (order is null || fnsku is null)
            {
                result.Skip();
                continue;
            }
            var fee = row.Text("fee");
            var currency = row.Currency("fee", marketplace) ?? (fee is null ? null : RegionSplit.CurrencyOf(marketplace));
            result.Add(new RemovalOrderLine
            {
                RequestDate = row.Timestamp("date") ?? default,
                OrderId = order,
                OrderType = Word(row.Text("type")),
                OrderStatus = Word(row.Text("status")),
                LastUpdatedDate = row.Timestamp("updated"),
                Sku = row.Text("sku"),
                Fnsku = fnsku,
                Disposition = LedgerVocabulary.Disposition(row.Text("disposition")),
                RequestedQuantity = row.Int("requested"),
                CancelledQuantity = row.Int("cancelled"),
                DisposedQuantity = row.Int("disposed"),
                ShippedQuantity = row.Int("shipped"),
                InProcessQuantity = row.Int("inProcess"),
                RemovalFee = row.Decimal("fee"),
                Currency = currency,
            }, store: keyComplete && row.Timestamp("date") is not null);
        }
        return result.Build(PageFacts.Live, keyComplete ? null
            : "The table lacks the request date, SKU or disposition column of the removal line's key: rows locate findings but are not stored.",
            [nameof(RemovalOrderLine.RequestDate), nameof(RemovalOrderLine.LastUpdatedDate)]);
    }

    private static string? Word(string? shown) => shown is null ? null : Words.GetValueOrDefault(PageTables.LabelKey(shown), shown);
}
