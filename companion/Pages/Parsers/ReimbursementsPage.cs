using AngleSharp.Dom;
using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Readers;
using static Refully.Companion.Pages.Parsers.PageColumn;

namespace Refully.Companion.Pages.Parsers;

/// <summary>
/// Reimbursements report, online view (Reports › Fulfillment › Reimbursements; help 200732720 gives the online
/// labels). Rows become the <see cref="Reimbursement"/>s of the download, keyed the same (Reimbursement ID, FNSKU,
/// Merchant SKU, Reason, Amazon Order ID). The online Reason is a display form ("Lost:Warehouse",
/// "Damaged: Warehouse") and is written back as the download's code (Lost_Warehouse). The online view has no
/// currency column: the amount's sign gives it, else the marketplace's currency. Rows are stored only when
/// every key column is shown; the approval date is a day only, so a downloaded row keeps its own time.
/// </summary>
public sealed class ReimbursementsPage : IPageParser
{
    private static readonly PageColumn[] Columns =
    [
        Req("id", "Reimbursement ID", "Erstattungs-ID", "ID de remboursement", "ID du remboursement", "ID rimborso", "ID de reembolso", "補てんID", "補填ID"),
        Req("date", PageLabels.Date.Append("Approval Date").Append("承認日").ToArray()),
        Opt("case", PageLabels.CaseId),
        Opt("order", PageLabels.OrderId),
        Opt("reason", PageLabels.Reason),
        Opt("sku", PageLabels.MerchantSku),
        Opt("fnsku", PageLabels.Fnsku),
        Opt("asin", PageLabels.Asin),
        Opt("condition", "Condition", "Zustand", "État", "Condizione", "Estado", "コンディション"),
        Opt("perUnit", "Amount Per Unit", "Betrag pro Einheit", "Montant par unité", "Importo per unità", "Importe por unidad", "単価"),
        Opt("total", "Amount Total", "Total", "Gesamtbetrag", "Montant total", "Importo totale", "Importe total", "補てん合計額"),
        Opt("cash", "Quantity Reimbursed [Cash]", "Quantity Reimbursed Cash", "現金補てん数量"),
        Opt("inventory", "Quantity Reimbursed [Inventory]", "Quantity Reimbursed Inventory"),
        Opt("qtyTotal", "Quantity Reimbursed [Total]", "Quantity Reimbursed Total"),
        Opt("originalId", "Original Reimbursement ID"),
        Opt("originalType", "Original Reimbursement Type"),
    ];

    /// <summary>The download's reason codes, found from the online display form by comparing letters only.</summary>
    private static readonly string[] ReasonCodes =
    [
        "Lost_Warehouse", "Damaged_Warehouse", "Lost_Inbound", "Damaged_Inbound", "CustomerReturn", "CustomerServiceIssue",
        "GeneralAdjustment", "ReturnAdjustment", "Reimbursement_Reversal", "FeeCorrection", "Lost_Outbound", "Damaged_Outbound",
        "Removal_Order_Lost", "Removal_Order_Damaged", "MissingFromInbound",
    ];

    public PageKind Kind => PageKind.Reimbursements;

    public bool MatchesUrl(Uri url) => PageRecognizer.Recognise(url) == Kind;

    public bool ReadsTablesOnly => true;

    public bool MatchesDom(IDocument document) => PageTables.Find(document, Columns, PageTables.FormatFor(null)) is not null;

    public PageParse Parse(IDocument document, Uri url, string? marketplace)
    {
        var result = new PageParseBuilder(Kind, marketplace);
        var table = PageTables.Find(document, Columns, PageTables.FormatFor(marketplace));
        if (table is null)
        {
            return result.Build(PageFacts.Historical);
        }
        var keyComplete = new[] { "fnsku", "sku", "reason", "order" }.All(table.Has);
        foreach (var row in table.Rows)
        {
            var id = row.Text("id");
            result.Anchor(id, row.Text("order"), row.Text("case"), row.Text("fnsku"));
            if (id is null || row.Timestamp("date") is not { } date)
            {
                result.Skip();
                continue;
            }
            var currency = row.Currency("total", marketplace) ?? row.Currency("perUnit", marketplace) ?? RegionSplit.CurrencyOf(marketplace);
            result.Add(new Reimbursement
            {
                ApprovalDate = date,
                ReimbursementId = id,
                CaseId = row.Text("case"),
                AmazonOrderId = row.Text("order"),
                Reason = Reason(row.Text("reason")),
                Sku = row.Text("sku"),
                Fnsku = row.Text("fnsku"),
                Asin = row.Text("asin"),
                Condition = row.Text("condition"),
                Currency = currency,
                AmountPerUnit = row.Decimal("perUnit"),
                AmountTotal = row.Decimal("total"),
                QuantityReimbursedCash = row.Int("cash"),
                QuantityReimbursedInventory = row.Int("inventory"),
                QuantityReimbursedTotal = row.Int("qtyTotal"),
                OriginalReimbursementId = row.Text("originalId"),
                OriginalReimbursementType = Reason(row.Text("originalType")),
                Marketplace = RegionSplit.FromCurrency(currency) ?? marketplace,
            }, store: keyComplete);
        }
        return result.Build(PageFacts.Historical, keyComplete ? null
            : "The table lacks a column of the reimbursement's natural key (FNSKU, Merchant SKU, Reason, Amazon Order ID): rows locate findings but are not stored.");
    }

    private static string? Reason(string? shown)
    {
        if (shown is null)
        {
            return null;
        }
        var key = Letters(shown);
        return ReasonCodes.FirstOrDefault(code => Letters(code) == key) ?? shown;
    }

    private static string Letters(string text) => new(text.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
}
