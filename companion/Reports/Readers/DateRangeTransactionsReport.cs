using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using static Refully.Companion.Reports.Core.ReportColumn;

namespace Refully.Companion.Reports.Readers;

/// <summary>
/// Date Range Transaction report (Payments › Reports Repository, CustomTransaction.csv; the core skips the
/// preamble lines). Headers and `type` words in EN-US, EN-GB, DE, FR, IT, ES, MX and JA (labels.md §4a/§4b);
/// the 2017 and the current (tax columns, account type) layouts. The currency follows the marketplace column.
/// </summary>
public sealed class DateRangeTransactionsReport : ITabularReportReader
{
    public string Report => "DateRangeTransactions";

    public IReadOnlyList<ReportColumn> Columns { get; } =
    [
        Req("date", "date/time", "Datum/Uhrzeit", "date/heure", "Data/Ora:", "fecha y hora", "fecha/hora", "日付/時間", "datum/tijd"),
        Req("settlement", "settlement id", "Abrechnungsnummer", "numéro de versement", "Identifiant du paiement", "Numero pagamento",
            "identificador de pago", "Id. de liquidación", "決済番号"),
        Req("type", "type", "Typ", "Tipo", "トランザクションの種類"),
        Req("order", "order id", "Bestellnummer", "numéro de la commande", "Numero ordine", "número de pedido", "Id. del pedido", "注文番号", "bestelnummer"),
        Req("total", "total", "Gesamt", "totale", "合計", "totaal"),
        Opt("sku", "sku"),
        Opt("description", "description", "Beschreibung", "Descrizione", "descripción", "説明", "商品名", "beschrijving"),
        Opt("quantity", "quantity", "Menge", "quantité", "Quantità", "cantidad", "数量", "aantal"),
        Opt("marketplace", "marketplace", "site de vente", "web de Amazon", "Amazon 出品サービス"),
        Opt("fulfillment", "fulfillment", "fulfilment", "Versand", "traitement", "expédition", "Gestione", "gestión logística", "cumplimiento", "フルフィルメント"),
        Opt("sales", "product sales", "Umsätze", "Ums?tze", "ventes de produits", "Vendite", "ventas de productos", "商品売上", "商品の売上"),
        Opt("salesTax", "product sales tax", "Produktumsatzsteuer", "Taxes sur la vente des produits", "imposta sulle vendite dei prodotti",
            "impuesto de ventas de productos", "商品の売上税"),
        Opt("shipping", "shipping credits", "postage credits", "Gutschrift für Versandkosten", "crédits d'expédition", "crédits d’expédition",
            "Accrediti per le spedizioni", "abonos de envío", "créditos de envío", "配送料"),
        Opt("giftWrap", "gift wrap credits", "Gutschrift für Geschenkverpackung", "crédits sur l'emballage cadeau", "crédits sur l’emballage cadeau",
            "Accrediti per confezioni regalo", "abonos de envoltorio para regalo", "créditos por envoltorio de regalo", "ギフト包装手数料"),
        Opt("rebates", "promotional rebates", "Rabatte aus Werbeaktionen", "Rabais promotionnels", "Total des réductions", "Sconti promozionali",
            "devoluciones promocionales", "descuentos promocionales", "プロモーション割引額"),
        Opt("selling", "selling fees", "Verkaufsgebühren", "frais de vente", "Commissioni di vendita", "tarifas de venta", "手数料"),
        Opt("fba", "fba fees", "Gebühren zu Versand durch Amazon", "Frais Expédié par Amazon", "Costi del servizio Logistica di Amazon",
            "tarifas de Logística de Amazon", "tarifas fba", "FBA 手数料"),
        Opt("otherFees", "other transaction fees", "Andere Transaktionsgebühren", "autres frais de transaction", "Altri costi relativi alle transazioni",
            "tarifas de otras transacciones", "tarifas de otra transacción", "トランザクションに関するその他の手数料"),
        Opt("other", "other", "Andere", "autre", "Altro", "otro", "その他"),
    ];

    public void Read(ReportRow row, IRecordSink sink)
    {
        var typeText = row.Text("type", required: true);
        var marketplace = RegionSplit.FromName(row.Text("marketplace"));
        sink.Add(new Transaction
        {
            Source = Report,
            Date = row.Timestamp("date", required: true) ?? default,
            SettlementId = row.Id("settlement"),
            Type = TransactionVocabulary.Type(typeText),
            TypeText = typeText,
            OrderId = row.Id("order"),
            Sku = row.Text("sku"),
            Description = row.Text("description"),
            Quantity = row.Int("quantity"),
            Fulfillment = RowValues.Fulfillment(row.Text("fulfillment")),
            Currency = RegionSplit.CurrencyOf(marketplace),
            Marketplace = marketplace,
            ProductSales = row.Amount("sales"),
            ProductSalesTax = row.Amount("salesTax"),
            ShippingCredits = row.Amount("shipping"),
            GiftWrapCredits = row.Amount("giftWrap"),
            PromotionalRebates = row.Amount("rebates"),
            SellingFees = row.Amount("selling"),
            FbaFees = row.Amount("fba"),
            OtherTransactionFees = row.Amount("otherFees"),
            Other = row.Amount("other"),
            Total = row.Amount("total"),
        });
    }
}
