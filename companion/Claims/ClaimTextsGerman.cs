using System.Globalization;
using Refully.Companion.Detection;

namespace Refully.Companion.Claims;

/// <summary>
/// German drafts: complete. Verified Amazon DE words: Transaktionsartikel-ID, Kundenbestellnummer,
/// Remissionsauftragsnummer, Kontaktieren Sie uns, Unterstützung anfordern, the policy name (labels.md §5).
/// </summary>
public static class ClaimTextsGerman
{
    public static ClaimLanguage Language { get; } = new()
    {
        Code = "de",
        Culture = CultureInfo.GetCultureInfo("de-DE"),
        SubjectFormat = "Erstattungsantrag: {type}, {keyLabel} {key}",
        Greeting = "Guten Tag,",
        Closing = "Vielen Dank.",
        EvidenceHeading = "Nachweise (aus meinen Berichten):",
        Columns = ["Datum", "Referenz", "FNSKU/SKU", "Menge", "Hinweis"],
        UnitsLabel = "Einheiten",
        ValueLabel = "Wert",
        ComputationLabel = "Berechnung",
        PolicyLabel = "Richtlinie",
        SourceLabel = "Quelle",
        DeadlineLabel = "Antragsfrist",
        HelpArticle = "Seller Central-Hilfe {0}",
        WindowFormat = "Frist {wait} bis {window} Tage nach dem {date}",
        PolicyName = "Richtlinie für die \"Versand durch Amazon\"-Erstattung für Lagerbestand",
        Request = "Bitte prüfen Sie den Vorgang und erstatten Sie die oben genannten {units} Einheit(en).",
        AttachmentsLabel = "Anhänge",
        MoreRows = "… und {0} weitere Zeilen",
        ValueUnknown = "unbekannt",
        EnglishInsideNote = "",
        TypeNames = new Dictionary<ClaimType, string>
        {
            [ClaimType.LostWarehouse] = "im Logistikzentrum verlorene Einheiten",
            [ClaimType.DamagedWarehouse] = "im Logistikzentrum beschädigte Einheiten",
            [ClaimType.InboundShortage] = "fehlende Einheiten einer Sendung an Amazon",
            [ClaimType.RefundNotReturned] = "Kunde erstattet, Artikel nicht zurückgegeben",
            [ClaimType.ReturnDamagedNotReimbursed] = "Rücksendung von Amazon beschädigt",
            [ClaimType.RemovalShortage] = "fehlende Einheiten eines Remissionsauftrags",
            [ClaimType.ReimbursedBelowCost] = "Erstattung unter dem Einstandspreis",
            [ClaimType.DisposedWithoutRequest] = "ohne meinen Auftrag entsorgte Einheiten",
            [ClaimType.FeeOvercharge] = "Versandgebühr nach falschen Abmessungen",
            [ClaimType.ReturnNotRestocked] = "verkaufsfähige Rücksendung nicht eingelagert",
            [ClaimType.WrongItemReturned] = "falscher Artikel zurückgesendet",
            [ClaimType.RefundExceedsCharge] = "Erstattung höher als der berechnete Betrag",
            [ClaimType.InboundCarrierDamaged] = "beim Wareneingang beschädigte Einheiten",
        },
        FieldLabels = new Dictionary<string, string>
        {
            ["fnsku"] = "FNSKU",
            ["asin"] = "ASIN",
            ["transactionItemId"] = "Transaktionsartikel-ID",
            ["orderId"] = "Kundenbestellnummer",
            ["shipmentId"] = "Sendungsnummer",
            ["removalOrderId"] = "Remissionsauftragsnummer",
            ["reimbursementId"] = "Erstattungs-ID",
            ["quantity"] = "Menge",
            ["subject"] = "Betreff",
            ["description"] = "Beschreibung",
        },
        AttachmentLabels = new Dictionary<string, string>
        {
            ["proofOfDelivery"] = "Liefernachweis (POD des Transportunternehmens, vom Logistikzentrum gestempelter Frachtbrief oder Sendungsverfolgung)",
            ["invoice"] = "Rechnung mit Datum, Produktnamen und Mengen (Nachweis des Lagerbestands)",
            ["photos"] = "Fotos der Einheiten, ihrer Verpackung und des Versandkartons",
            ["measurementPhotos"] = "Fotos des Produkts mit Maßband und Waage",
            ["trackingOrPod"] = "Sendungsverfolgungsnummer oder Liefernachweis der Remissionssendung",
        },
        Intros = new Dictionary<ClaimType, string>
        {
            [ClaimType.LostWarehouse] = "{units} Einheit(en) der FNSKU {key} wurden in den Logistikzentren von Amazon als verloren (verlegt) verbucht und weder gefunden noch erstattet.",
            [ClaimType.DamagedWarehouse] = "{units} Einheit(en) der FNSKU {fnsku} wurden in einem Logistikzentrum von Amazon als beschädigt verbucht (Transaktionsartikel-ID {key}) und nicht erstattet.",
            [ClaimType.InboundShortage] = "Die Sendung {key} ist abgeschlossen, aber Amazon hat {units} Einheit(en) weniger erhalten, als ich versendet habe (siehe Tabelle). Die fehlenden Einheiten wurden nicht erstattet.",
            [ClaimType.RefundNotReturned] = "Dem Kunden der Bestellung {key} wurden {units} Einheit(en) erstattet, der Artikel wurde jedoch nicht an Amazon zurückgegeben und mir nicht erstattet.",
            [ClaimType.ReturnDamagedNotReimbursed] = "{units} Einheit(en) der Bestellung {key} wurden in der Obhut von Amazon beschädigt und nicht erstattet.",
            [ClaimType.RemovalShortage] = "Der Remissionsauftrag {key} ist abgeschlossen, aber {units} Einheit(en) wurden weder an mich versendet noch entsorgt oder storniert.",
            [ClaimType.ReimbursedBelowCost] = "Die Erstattung {key} lag für {units} Einheit(en) unter meinem belegten Einstandspreis pro Einheit. Ich bitte um eine Neubewertung zu meinen Beschaffungskosten.",
            [ClaimType.DisposedWithoutRequest] = "{units} Einheit(en) der FNSKU {fnsku} wurden von Amazon entsorgt, obwohl ich dafür keinen Entsorgungsauftrag erteilt habe.",
            [ClaimType.FeeOvercharge] = "Die Versandgebühr für die FNSKU {key} wird nach Abmessungen oder Gewicht berechnet, die nicht den tatsächlichen Maßen des Produkts entsprechen ({units} Einheit(en) berechnet). Bitte messen Sie neu und erstatten Sie die Differenz.",
            [ClaimType.ReturnNotRestocked] = "{units} Einheit(en) der Bestellung {key} wurden verkaufsfähig zurückgegeben, aber nie wieder meinem Lagerbestand hinzugefügt.",
            [ClaimType.WrongItemReturned] = "Die Rücksendung der Bestellung {key} ({units} Einheit(en)) war nicht der verkaufte Artikel, wurde aber als Rückgabe angenommen.",
            [ClaimType.RefundExceedsCharge] = "Die Erstattung für die Bestellung {key} war höher als der dem Kunden berechnete Betrag.",
            [ClaimType.InboundCarrierDamaged] = "{units} Einheit(en) der Sendung {key} wurden beim Wareneingang als vom Transportunternehmen beschädigt erfasst und nicht erstattet.",
        },
        Computations = new Dictionary<ValueBasis, string>
        {
            [ValueBasis.UnitCost] = "{units} × {perUnit} (mein Einstandspreis pro Einheit)",
            [ValueBasis.RefundedPrice] = "{units} × {perUnit} (erstatteter Preis pro Einheit)",
            [ValueBasis.LastReimbursement] = "{units} × {perUnit} (letzte Erstattung von Amazon pro Einheit für diese FNSKU)",
            [ValueBasis.Shortfall] = "(mein Einstandspreis − gezahlter Betrag pro Einheit) × {units}",
            [ValueBasis.FeeDifference] = "die Gebührendifferenz zur richtigen Größenklasse, die Amazon nach dem Nachmessen berechnet",
            [ValueBasis.Unknown] = "Wert mir nicht bekannt; bitte zum bei Amazon hinterlegten Wert erstatten",
        },
        MixedComputation = "Summe der obigen Positionen, jeweils zu ihrem eigenen Stückwert",
        Navigation = new Dictionary<ClaimDestination, string>
        {
            [ClaimDestination.FcLostTool] = "Hilfe › Unterstützung anfordern › Verlorener und beschädigter Lagerbestand › Im Lager verlorenen Artikel untersuchen: FNSKU eingeben › Weiter › Fall erstellen (oder Lagerbestand › Lagerbestandsmängel und Erstattungen › Anspruchsberechtigt)",
            [ClaimDestination.FcDamagedTool] = "Hilfe › Unterstützung anfordern › Verlorener und beschädigter Lagerbestand › Status beschädigter Artikel: Transaktionsartikel-ID eingeben",
            [ClaimDestination.CustomerReturnTool] = "Lagerbestand › Lagerbestandsmängel und Erstattungen › Anspruchsberechtigt, dann das Tool für Kundenrücksendungen: Kundenbestellnummer eingeben",
            [ClaimDestination.InboundShipment] = "Lagerbestand › Sendungen › Sendung verfolgen › Registerkarte Inhalt (früher Abgleichen) › Maßnahme erforderlich › Fehlende Einheiten untersuchen › Dokumente hochladen › Anfrage absenden",
            [ClaimDestination.RemovalTool] = "Hilfe › Unterstützung anfordern › Tool für Remissionsaufträge: Remissionsauftragsnummer eingeben",
            [ClaimDestination.ContactUs] = "Hilfe › Unterstützung anfordern › Kontaktieren Sie uns",
        },
    };
}
