using AngleSharp.Dom;
using Refully.Companion.Domain.Records;
using static Refully.Companion.Pages.Parsers.PageColumn;

namespace Refully.Companion.Pages.Parsers;

/// <summary>
/// The Inventory Defect and Reimbursement (IDR) portal's lists: Eligible for claim, In progress, Resolved.
/// Its URL was never seen (seller-central-pages-2.md §1.1), so the DOM check carries the recognition: a table
/// with a defect type and an FNSKU. The tab is the selected kat-tab-header (or aria-selected tab). Gives
/// <see cref="IdrItem"/>s, which no report holds; the key leaves the tab out so an item moving between tabs updates.
/// </summary>
public sealed class InventoryDefectPortalPage : IPageParser
{
    private static readonly PageColumn[] Columns =
    [
        Req("defect", "Defect type", "Mangeltyp", "Art des Mangels", "Type de défaut", "Tipo di difetto", "Tipo de defecto", "不備の種類", "不備タイプ"),
        Req("fnsku", PageLabels.Fnsku),
        Opt("order", PageLabels.OrderId),
        Opt("transaction", "Transaction ID", "Transaction Item ID", "Reference ID", "Transaktions-ID", "Transaktionsartikel-ID", "ID de transaction", "ID transazione", "ID de transacción", "取引ID", "処理番号"),
        Opt("sku", PageLabels.MerchantSku),
        Opt("quantity", PageLabels.Quantity),
        Opt("date", PageLabels.Date.Concat(["Event date", "Ereignisdatum", "Date de l'événement", "Data evento", "Fecha del evento", "発生日"]).ToArray()),
        Opt("decision", "Resolution decision", "Resolution", "Decision", "Status", "Entscheidung", "Décision", "Decisione", "Decisión", "解決", "ステータス"),
        Opt("amount", "Reimbursement amount", "Amount", "Erstattungsbetrag", "Montant", "Importo", "Importe", "補てん額"),
    ];

    private static readonly (IdrTab Tab, string[] Labels)[] Tabs =
    [
        (IdrTab.EligibleForClaim, ["Eligible for claim", "Anspruchsberechtigt", "Éligible à une réclamation", "Idoneo per il reclamo", "Apto para reclamación", "申請対象"]),
        (IdrTab.InProgress, ["In progress", "In Bearbeitung", "En cours", "In corso", "En curso", "処理中"]),
        (IdrTab.Resolved, ["Resolved", "Gelöst", "Résolu", "Risolto", "Resuelto", "解決済み"]),
    ];

    public PageKind Kind => PageKind.InventoryDefectPortal;

    public bool MatchesUrl(Uri url) => PageRecognizer.Recognise(url) == Kind;

    public bool ReadsTablesOnly => false; // it reads headings, labelled fields or tabs too

    public bool MatchesDom(IDocument document) => PageTables.Find(document, Columns, PageTables.FormatFor(null)) is not null;

    public PageParse Parse(IDocument document, Uri url, string? marketplace)
    {
        var result = new PageParseBuilder(Kind, marketplace);
        var table = PageTables.Find(document, Columns, PageTables.FormatFor(marketplace));
        var tab = SelectedTab(document);
        foreach (var row in table?.Rows ?? [])
        {
            var order = row.Text("order");
            var transaction = row.Text("transaction");
            var fnsku = row.Text("fnsku");
            result.Anchor(transaction, order, fnsku);
            if (fnsku is null || (order is null && transaction is null))
            {
                result.Skip();
                continue;
            }
            result.Add(new IdrItem
            {
                Tab = tab,
                DefectType = row.Text("defect"),
                OrderId = order,
                TransactionId = transaction,
                Fnsku = fnsku,
                Sku = row.Text("sku"),
                Quantity = row.Int("quantity"),
                Date = row.Date("date"),
                Decision = row.Text("decision"),
                Amount = row.Decimal("amount"),
                Currency = row.Currency("amount", marketplace),
            });
        }
        return result.Build(PageFacts.Live);
    }

    private static IdrTab SelectedTab(IDocument document)
    {
        var selected = document.QuerySelectorAll("kat-tab-header[selected], kat-tab[selected], [role=tab][aria-selected=true]")
            .Select(e => PageTables.LabelKey(e.GetAttribute("label") ?? e.TextContent));
        foreach (var text in selected)
        {
            foreach (var (tab, labels) in Tabs)
            {
                if (labels.Any(l => text.StartsWith(PageTables.LabelKey(l), StringComparison.Ordinal)))
                {
                    return tab;
                }
            }
        }
        return IdrTab.Unknown;
    }
}
