namespace Refully.Companion.Pages.Parsers;

/// <summary>
/// Column labels shared by several pages, EN first, then DE, FR, IT, ES, JA. Which ones are verified and which
/// are guesses is listed in docs/pages.md (labels.md: most online-view labels outside English are unverified).
/// </summary>
public static class PageLabels
{
    public static readonly string[] Date = ["Date", "Datum", "Date", "Data", "Fecha", "日付"];
    public static readonly string[] Fnsku = ["FNSKU", "フルフィルメントネットワークSKU", "フルフィルメントネットワークSKU(FNSKU)"];
    public static readonly string[] Asin = ["ASIN"];
    public static readonly string[] MerchantSku = ["Merchant SKU", "MSKU", "SKU", "Händler-SKU", "SKU vendeur", "SKU du vendeur", "SKU venditore", "SKU del vendedor", "出品者SKU"];
    public static readonly string[] Title = ["Title", "Product Name", "Titel", "Produktname", "Titre", "Nom du produit", "Titolo", "Nome prodotto", "Título", "Nombre del producto", "商品名"];
    public static readonly string[] Quantity = ["Quantity", "Menge", "Stückzahl", "Quantité", "Quantità", "Cantidad", "数量"];
    public static readonly string[] Disposition = ["Disposition", "Zustand", "Disposizione", "Disposición", "商品の状態", "在庫状態"];
    public static readonly string[] Reason = ["Reason", "Grund", "Motif", "Raison", "Motivo", "理由"];
    public static readonly string[] FulfillmentCenter = ["Fulfillment Center", "Fulfilment Centre", "FC", "Logistikzentrum", "Centre de distribution", "Centre de traitement", "Centro logistico", "Centro logístico", "フルフィルメントセンター"];
    public static readonly string[] OrderId = ["Order ID", "Amazon Order ID", "Bestellnummer", "Amazon-Bestellnummer", "N° de commande", "Numéro de commande", "ID de commande Amazon", "Numero ordine", "ID ordine Amazon", "Número de pedido", "ID de pedido de Amazon", "注文番号", "Amazon注文番号"];
    public static readonly string[] Status = ["Status", "Statut", "Stato", "Estado", "ステータス"];
    public static readonly string[] CaseId = ["Case ID", "Fall-ID", "ID de la demande", "ID du cas", "ID caso", "ID del caso", "ID de caso", "ケースID"];
}
