namespace Refully.Companion.Reports.Core;

/// <summary>
/// Columns that hold buyers' personal data (names, e-mails, phones, street addresses, postal codes, cities).
/// The core never copies their cells out of the file: a reader asking for one gets null, so nothing personal can
/// reach a record or the store. State/region and country stay (claims need the marketplace, not the buyer).
/// </summary>
public static class PersonalData
{
    private static readonly HashSet<string> Headers = new(new[]
    {
        "buyer-email", "buyer-name", "buyer-phone-number", "buyer-company-name", "buyer-tax-registration-id",
        "recipient-name", "ship-address-1", "ship-address-2", "ship-address-3", "ship-city", "ship-postal-code",
        "ship-phone-number", "bill-name", "bill-address-1", "bill-address-2", "bill-address-3", "bill-city",
        "bill-postal-code", "bill-phone-number", "address-line-1", "address-line-2", "address-line-3",
        "customer-name", "customer-email", "phone", "email", "e-mail",
        "order city", "order postal", "Ort der Bestellung", "Postleitzahl", "ville d'où provient la commande",
        "code postal de la commande", "Città di provenienza dell'ordine", "CAP dell'ordine",
        "ciudad de procedencia del pedido", "código postal de procedencia del pedido", "ciudad del pedido",
        "código postal del pedido", "市町村", "郵便番号", "購入者名", "購入者Eメール", "購入者電話番号", "お届け先名",
    }.Select(HeaderMap.Normalize), StringComparer.Ordinal);

    public static bool IsPersonal(string header) => Headers.Contains(HeaderMap.Normalize(header));
}
