using System.Globalization;
using Refully.Companion.Detection;

namespace Refully.Companion.Claims;

/// <summary>
/// French, Italian, Spanish and Japanese: subject, body skeleton, field and attachment labels, type names.
/// The per-type sentence, the computation and the navigation are not translated yet; the drafter writes the
/// English ones inside this skeleton and says so (<see cref="ClaimLanguage.EnglishInsideNote"/>).
/// Verified words (labels.md §5): FR "numéro de la commande client", JA 注文番号, 補てん, FBA在庫補てんポリシー.
/// </summary>
public static class ClaimTextsSkeletons
{
    public static ClaimLanguage French { get; } = new()
    {
        Code = "fr",
        Culture = CultureInfo.GetCultureInfo("fr-FR"),
        SubjectFormat = "Demande de remboursement : {type}, {keyLabel} {key}",
        Greeting = "Bonjour,",
        Closing = "Merci.",
        EvidenceHeading = "Justificatifs (extraits de mes rapports) :",
        Columns = ["Date", "Référence", "FNSKU/SKU", "Qté", "Remarque"],
        UnitsLabel = "Unités",
        ValueLabel = "Valeur",
        ComputationLabel = "Calcul",
        PolicyLabel = "Politique",
        SourceLabel = "Source",
        DeadlineLabel = "Date limite de réclamation",
        HelpArticle = "aide Seller Central {0}",
        WindowFormat = "délai de {wait} à {window} jours après le {date}",
        PolicyName = "Politique de remboursement des stocks FBA",
        Request = "Merci d'examiner ce cas et de rembourser les {units} unité(s) ci-dessus.",
        AttachmentsLabel = "Pièces jointes",
        MoreRows = "… et {0} autres lignes",
        ValueUnknown = "inconnue",
        EnglishInsideNote = "(Certaines phrases ci-dessous sont en anglais.)",
        TypeNames = new Dictionary<ClaimType, string>
        {
            [ClaimType.LostWarehouse] = "unités perdues dans un centre de distribution",
            [ClaimType.DamagedWarehouse] = "unités endommagées dans un centre de distribution",
            [ClaimType.InboundShortage] = "unités manquantes d'une expédition",
            [ClaimType.RefundNotReturned] = "client remboursé, article non retourné",
            [ClaimType.ReturnDamagedNotReimbursed] = "retour endommagé par Amazon",
            [ClaimType.RemovalShortage] = "unités manquantes d'une commande de retrait",
            [ClaimType.ReimbursedBelowCost] = "remboursement inférieur au coût unitaire",
            [ClaimType.DisposedWithoutRequest] = "unités détruites sans ma demande",
            [ClaimType.FeeOvercharge] = "frais FBA calculés sur de mauvaises dimensions",
            [ClaimType.ReturnNotRestocked] = "retour vendable non remis en stock",
            [ClaimType.WrongItemReturned] = "mauvais article retourné",
            [ClaimType.RefundExceedsCharge] = "remboursement supérieur au montant débité",
            [ClaimType.InboundCarrierDamaged] = "unités endommagées à la réception",
        },
        FieldLabels = new Dictionary<string, string>
        {
            ["fnsku"] = "FNSKU",
            ["asin"] = "ASIN",
            ["transactionItemId"] = "ID de l'article de la transaction",
            ["orderId"] = "Numéro de la commande client",
            ["shipmentId"] = "Numéro d'expédition",
            ["removalOrderId"] = "Numéro de commande de retrait",
            ["reimbursementId"] = "ID de remboursement",
            ["quantity"] = "Quantité",
            ["subject"] = "Objet",
            ["description"] = "Description",
        },
        AttachmentLabels = new Dictionary<string, string>
        {
            ["proofOfDelivery"] = "Preuve de livraison (POD du transporteur, lettre de voiture tamponnée ou suivi)",
            ["invoice"] = "Facture avec date, noms des produits et quantités",
            ["photos"] = "Photos des unités, de l'emballage et du carton",
            ["measurementPhotos"] = "Photos du produit avec mètre ruban et balance",
            ["trackingOrPod"] = "Numéro de suivi ou preuve de livraison du retrait",
        },
    };

    public static ClaimLanguage Italian { get; } = new()
    {
        Code = "it",
        Culture = CultureInfo.GetCultureInfo("it-IT"),
        SubjectFormat = "Richiesta di rimborso: {type}, {keyLabel} {key}",
        Greeting = "Buongiorno,",
        Closing = "Grazie.",
        EvidenceHeading = "Prove (dai miei report):",
        Columns = ["Data", "Riferimento", "FNSKU/SKU", "Qtà", "Nota"],
        UnitsLabel = "Unità",
        ValueLabel = "Valore",
        ComputationLabel = "Calcolo",
        PolicyLabel = "Politica",
        SourceLabel = "Fonte",
        DeadlineLabel = "Scadenza della richiesta",
        HelpArticle = "guida Seller Central {0}",
        WindowFormat = "termine da {wait} a {window} giorni dopo il {date}",
        PolicyName = "Politica di rimborso dell'inventario Logistica di Amazon",
        Request = "Vi chiedo di verificare e rimborsare le {units} unità indicate sopra.",
        AttachmentsLabel = "Allegati",
        MoreRows = "… e altre {0} righe",
        ValueUnknown = "sconosciuto",
        EnglishInsideNote = "(Alcune frasi qui sotto sono in inglese.)",
        TypeNames = new Dictionary<ClaimType, string>
        {
            [ClaimType.LostWarehouse] = "unità smarrite nel centro logistico",
            [ClaimType.DamagedWarehouse] = "unità danneggiate nel centro logistico",
            [ClaimType.InboundShortage] = "unità mancanti da una spedizione",
            [ClaimType.RefundNotReturned] = "cliente rimborsato, articolo non restituito",
            [ClaimType.ReturnDamagedNotReimbursed] = "reso danneggiato da Amazon",
            [ClaimType.RemovalShortage] = "unità mancanti da un ordine di rimozione",
            [ClaimType.ReimbursedBelowCost] = "rimborso inferiore al costo unitario",
            [ClaimType.DisposedWithoutRequest] = "unità smaltite senza mia richiesta",
            [ClaimType.FeeOvercharge] = "tariffa FBA su dimensioni errate",
            [ClaimType.ReturnNotRestocked] = "reso vendibile non rimesso in inventario",
            [ClaimType.WrongItemReturned] = "articolo sbagliato restituito",
            [ClaimType.RefundExceedsCharge] = "rimborso superiore all'importo addebitato",
            [ClaimType.InboundCarrierDamaged] = "unità danneggiate alla ricezione",
        },
        FieldLabels = new Dictionary<string, string>
        {
            ["fnsku"] = "FNSKU",
            ["asin"] = "ASIN",
            ["transactionItemId"] = "ID articolo della transazione",
            ["orderId"] = "Numero ordine cliente",
            ["shipmentId"] = "ID spedizione",
            ["removalOrderId"] = "Numero ordine di rimozione",
            ["reimbursementId"] = "ID rimborso",
            ["quantity"] = "Quantità",
            ["subject"] = "Oggetto",
            ["description"] = "Descrizione",
        },
        AttachmentLabels = new Dictionary<string, string>
        {
            ["proofOfDelivery"] = "Prova di consegna (POD del corriere, lettera di vettura timbrata o tracciamento)",
            ["invoice"] = "Fattura con data, nomi dei prodotti e quantità",
            ["photos"] = "Foto delle unità, dell'imballaggio e della scatola",
            ["measurementPhotos"] = "Foto del prodotto con metro e bilancia",
            ["trackingOrPod"] = "Numero di tracciamento o prova di consegna della rimozione",
        },
    };

    public static ClaimLanguage Spanish { get; } = new()
    {
        Code = "es",
        Culture = CultureInfo.GetCultureInfo("es-ES"),
        SubjectFormat = "Solicitud de reembolso: {type}, {keyLabel} {key}",
        Greeting = "Hola:",
        Closing = "Gracias.",
        EvidenceHeading = "Pruebas (de mis informes):",
        Columns = ["Fecha", "Referencia", "FNSKU/SKU", "Cant.", "Nota"],
        UnitsLabel = "Unidades",
        ValueLabel = "Valor",
        ComputationLabel = "Cálculo",
        PolicyLabel = "Política",
        SourceLabel = "Fuente",
        DeadlineLabel = "Plazo de reclamación",
        HelpArticle = "ayuda de Seller Central {0}",
        WindowFormat = "plazo de {wait} a {window} días después del {date}",
        PolicyName = "Política de reembolso de inventario de Logística de Amazon",
        Request = "Les ruego que investiguen y reembolsen las {units} unidad(es) indicadas.",
        AttachmentsLabel = "Adjuntos",
        MoreRows = "… y {0} filas más",
        ValueUnknown = "desconocido",
        EnglishInsideNote = "(Algunas frases a continuación están en inglés.)",
        TypeNames = new Dictionary<ClaimType, string>
        {
            [ClaimType.LostWarehouse] = "unidades perdidas en el centro logístico",
            [ClaimType.DamagedWarehouse] = "unidades dañadas en el centro logístico",
            [ClaimType.InboundShortage] = "unidades que faltan en un envío",
            [ClaimType.RefundNotReturned] = "cliente reembolsado, artículo no devuelto",
            [ClaimType.ReturnDamagedNotReimbursed] = "devolución dañada por Amazon",
            [ClaimType.RemovalShortage] = "unidades que faltan en un pedido de retirada",
            [ClaimType.ReimbursedBelowCost] = "reembolso inferior al coste unitario",
            [ClaimType.DisposedWithoutRequest] = "unidades eliminadas sin mi solicitud",
            [ClaimType.FeeOvercharge] = "tarifa de FBA con dimensiones erróneas",
            [ClaimType.ReturnNotRestocked] = "devolución vendible no reincorporada",
            [ClaimType.WrongItemReturned] = "artículo equivocado devuelto",
            [ClaimType.RefundExceedsCharge] = "reembolso superior al importe cobrado",
            [ClaimType.InboundCarrierDamaged] = "unidades dañadas en la recepción",
        },
        FieldLabels = new Dictionary<string, string>
        {
            ["fnsku"] = "FNSKU",
            ["asin"] = "ASIN",
            ["transactionItemId"] = "ID del artículo de la transacción",
            ["orderId"] = "Número de pedido del cliente",
            ["shipmentId"] = "ID del envío",
            ["removalOrderId"] = "ID del pedido de retirada",
            ["reimbursementId"] = "ID del reembolso",
            ["quantity"] = "Cantidad",
            ["subject"] = "Asunto",
            ["description"] = "Descripción",
        },
        AttachmentLabels = new Dictionary<string, string>
        {
            ["proofOfDelivery"] = "Prueba de entrega (POD del transportista, albarán sellado o seguimiento)",
            ["invoice"] = "Factura con fecha, nombres de productos y cantidades",
            ["photos"] = "Fotos de las unidades, el embalaje y la caja",
            ["measurementPhotos"] = "Fotos del producto con cinta métrica y báscula",
            ["trackingOrPod"] = "Número de seguimiento o prueba de entrega de la retirada",
        },
    };

    public static ClaimLanguage Japanese { get; } = new()
    {
        Code = "ja",
        Culture = CultureInfo.GetCultureInfo("ja-JP"),
        SubjectFormat = "補てん申請：{type}（{keyLabel} {key}）",
        Greeting = "ご担当者様",
        Closing = "よろしくお願いいたします。",
        EvidenceHeading = "根拠（レポートより）：",
        Columns = ["日付", "参照", "FNSKU/SKU", "数量", "備考"],
        UnitsLabel = "数量",
        ValueLabel = "金額",
        ComputationLabel = "計算",
        PolicyLabel = "ポリシー",
        SourceLabel = "出典",
        DeadlineLabel = "申請期限",
        HelpArticle = "セラーセントラルヘルプ {0}",
        WindowFormat = "{date}から{wait}～{window}日",
        PolicyName = "FBA在庫補てんポリシー",
        Request = "上記{units}点の調査と補てんをお願いいたします。",
        AttachmentsLabel = "添付",
        MoreRows = "…ほか{0}行",
        ValueUnknown = "不明",
        EnglishInsideNote = "（以下の一部の文は英語です。）",
        TypeNames = new Dictionary<ClaimType, string>
        {
            [ClaimType.LostWarehouse] = "フルフィルメントセンターでの紛失",
            [ClaimType.DamagedWarehouse] = "フルフィルメントセンターでの破損",
            [ClaimType.InboundShortage] = "納品の受領数不足",
            [ClaimType.RefundNotReturned] = "返金済み・商品未返品",
            [ClaimType.ReturnDamagedNotReimbursed] = "Amazonによる返品商品の破損",
            [ClaimType.RemovalShortage] = "返送/所有権の放棄依頼の数量不足",
            [ClaimType.ReimbursedBelowCost] = "原価を下回る補てん",
            [ClaimType.DisposedWithoutRequest] = "依頼のない廃棄",
            [ClaimType.FeeOvercharge] = "誤った寸法によるFBA手数料",
            [ClaimType.ReturnNotRestocked] = "販売可能な返品の在庫未反映",
            [ClaimType.WrongItemReturned] = "別の商品の返品",
            [ClaimType.RefundExceedsCharge] = "請求額を超える返金",
            [ClaimType.InboundCarrierDamaged] = "受領時の破損",
        },
        FieldLabels = new Dictionary<string, string>
        {
            ["fnsku"] = "FNSKU",
            ["asin"] = "ASIN",
            ["transactionItemId"] = "トランザクション商品ID",
            ["orderId"] = "注文番号",
            ["shipmentId"] = "納品ID",
            ["removalOrderId"] = "返送/所有権の放棄依頼ID",
            ["reimbursementId"] = "補てんID",
            ["quantity"] = "数量",
            ["subject"] = "件名",
            ["description"] = "詳細",
        },
        AttachmentLabels = new Dictionary<string, string>
        {
            ["proofOfDelivery"] = "配送証明（運送業者の受領証、押印済みの運送状、または追跡番号）",
            ["invoice"] = "日付・商品名・数量が記載された請求書",
            ["photos"] = "商品・包装・配送箱の写真",
            ["measurementPhotos"] = "メジャーとはかりを使った商品の写真",
            ["trackingOrPod"] = "返送の追跡番号または配送証明",
        },
    };
}
