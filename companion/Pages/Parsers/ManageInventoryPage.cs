using AngleSharp.Dom;
using Refully.Companion.Domain.Records;
using static Refully.Companion.Pages.Parsers.PageColumn;

namespace Refully.Companion.Pages.Parsers;

/// <summary>
/// Manage FBA Inventory (/inventory, /myinventory): one row per SKU with its FNSKU, ASIN and quantities. Read as
/// <see cref="InventorySnapshot"/>s but not stored: the snapshot's key holds every afn-* quantity of the download,
/// and the page shows a different set (Available, Inbound, Unfulfillable, Reserved), so a stored page row would be
/// a state no download gives. The FNSKUs anchor findings.
/// </summary>
public sealed class ManageInventoryPage : IPageParser
{
    private static readonly PageColumn[] Columns =
    [
        Req("sku", PageLabels.MerchantSku),
        Req("available", "Available", "Verfügbar", "Disponible", "Disponibile", "Disponible", "販売可能"),
        Opt("fnsku", PageLabels.Fnsku),
        Opt("asin", PageLabels.Asin),
        Opt("inbound", "Inbound", "Eingehend", "En transit", "In entrata", "Entrante", "入荷中"),
        Opt("unfulfillable", "Unfulfillable", "Nicht versandfähig", "Non expédiable", "Non evadibile", "No disponible para envío", "販売不可"),
        Opt("reserved", "Reserved", "Reserviert", "Réservé", "Riservato", "Reservado", "予約済み"),
        Opt("total", "Total", "Gesamt", "Totale", "合計"),
    ];

    public PageKind Kind => PageKind.ManageInventory;

    public bool MatchesUrl(Uri url) => PageRecognizer.Recognise(url) == Kind;

    public bool ReadsTablesOnly => true;

    public bool MatchesDom(IDocument document) => PageTables.Find(document, Columns, PageTables.FormatFor(null)) is not null;

    public PageParse Parse(IDocument document, Uri url, string? marketplace)
    {
        var result = new PageParseBuilder(Kind, marketplace);
        var table = PageTables.Find(document, Columns, PageTables.FormatFor(marketplace));
        foreach (var row in table?.Rows ?? [])
        {
            var sku = row.Text("sku");
            var fnsku = row.Text("fnsku");
            result.Anchor(fnsku);
            if (sku is null)
            {
                result.Skip();
                continue;
            }
            result.Add(new InventorySnapshot
            {
                Sku = sku,
                Fnsku = fnsku,
                Asin = row.Text("asin"),
                AfnFulfillableQuantity = row.Int("available"),
                AfnInboundShippedQuantity = row.Int("inbound"),
                AfnUnsellableQuantity = row.Int("unfulfillable"),
                AfnReservedQuantity = row.Int("reserved"),
                AfnTotalQuantity = row.Int("total"),
            }, store: false);
        }
        return result.Build(PageFacts.Live, "Inventory rows locate findings by FNSKU; they are not stored (the page's quantities are not the download's key).");
    }
}
