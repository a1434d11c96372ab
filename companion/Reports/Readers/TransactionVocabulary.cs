using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;

namespace Refully.Companion.Reports.Readers;

/// <summary>
/// Transaction `type` words of the Date Range report and settlement files, in every language labels.md §4b
/// gives (EN-US, EN-GB, DE, FR, IT, ES, MX, JA), normalised to <see cref="TransactionType"/>. Words are
/// compared like headers (case, spaces, dashes and underscores ignored).
/// </summary>
public static class TransactionVocabulary
{
    private static readonly (TransactionType Type, string[] Words)[] Table =
    [
        (TransactionType.Order, ["Order", "Bestellung", "Commande", "Ordine", "Pedido", "注文"]),
        (TransactionType.Refund, ["Refund", "Erstattung", "Remboursement", "Rimborso", "Reembolso", "返金"]),
        (TransactionType.Transfer, ["Transfer", "Übertrag", "Transfert", "Transférer", "Trasferimento", "Transferir", "Trasferir", "振込み"]),
        (TransactionType.ServiceFee, ["Service Fee", "Servicegebühr", "Frais de service", "Commissione di servizio",
            "Tarifa de prestación de servicio", "Tarifa de servicio", "注文外料金"]),
        (TransactionType.Adjustment, ["Adjustment", "Anpassung", "Ajustement", "Modifica", "Rettifica", "Ajuste", "調整"]),
        (TransactionType.FbaInventoryFee, ["FBA Inventory Fee", "Fulfilment by Amazon inventory fee", "Versand durch Amazon Lagergebühr",
            "Frais de stock Expédié par Amazon", "Costo di stoccaggio Logistica di Amazon", "Tarifas de inventario de Logística de Amazon",
            "Tarifa de inventario FBA", "FBA 在庫関連の手数料"]),
        (TransactionType.FbaCustomerReturnFee, ["FBA Customer Return Fee", "Fulfilment by Amazon customer return fee",
            "Gebühren für Kundenrücksendungen mit Versand durch Amazon"]),
        (TransactionType.FbaTransactionFee, ["FBA Transaction Fees", "Frais de transaction Expédié par Amazon",
            "Commissioni per le transazioni di Logistica di Amazon", "Tarifas de transacción de Logística de Amazon"]),
        (TransactionType.FeeAdjustment, ["Fee Adjustment", "Ajuste de tarifa"]),
        (TransactionType.Debt, ["Debt", "Verbindlichkeit", "Solde négatif", "Saldo negativo", "Saldo descubierto", "Deuda"]),
        (TransactionType.LightningDealFee, ["Lightning Deal Fee", "Blitzangebotsgebühr", "Tarif de la Vente Flash",
            "Tariffa dell’Offerta Lampo", "Tariffa dell'Offerta Lampo", "Tarifa de Oferta flash", "数量限定タイムセール手数料"]),
        (TransactionType.ChargebackRefund, ["Chargeback Refund", "Erstattung durch Rückbuchung"]),
        (TransactionType.OrderRetrocharge, ["Order_Retrocharge", "Bestellung_Wiedereinzug"]),
        (TransactionType.RefundRetrocharge, ["Refund_Retrocharge", "Erstattung_Wiedereinzug"]),
        (TransactionType.Liquidations, ["Liquidations", "Liquidationen"]),
        (TransactionType.LiquidationsAdjustment, ["Liquidations Adjustments", "Liquidationsanpassungen"]),
        (TransactionType.AtoZGuaranteeClaim, ["A-to-z Guarantee Claim"]),
        (TransactionType.ShippingServices, ["Shipping Services"]),
        (TransactionType.AmazonFees, ["Amazon Fees", "Gebühren von Amazon"]),
        (TransactionType.DeliveryServices, ["Delivery Services", "Lieferdienste"]),
    ];

    private static readonly Dictionary<string, TransactionType> ByWord = Table
        .SelectMany(t => t.Words.Select(w => (Key: HeaderMap.Normalize(w), t.Type)))
        .ToDictionary(x => x.Key, x => x.Type, StringComparer.Ordinal);

    /// <summary>The type of a word; unknown or empty words (settlement `other-transaction` …) are Other, never an error.</summary>
    public static TransactionType Type(string? word) =>
        word is not null && ByWord.TryGetValue(HeaderMap.Normalize(word), out var type) ? type : TransactionType.Other;
}
