using AngleSharp.Dom;
using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Readers;
using static Refully.Companion.Pages.Parsers.PageColumn;

namespace Refully.Companion.Pages.Parsers;

/// <summary>
/// Inventory Ledger, detailed view, online (Reports › Fulfillment › Inventory Ledger). The rows become the
/// <see cref="LedgerEvent"/>s the ledger download gives, with the same natural key (Date, FNSKU, Event Type,
/// Reference ID, Quantity, Fulfillment Center, Disposition, Reason). The rows are stored only when the table
/// shows every key column; an online view without Fulfillment Center, Disposition or Reason would give keys no
/// download gives, so such rows only locate findings (a second copy of a loss would double it).
/// Customer Shipments rows are not kept (as in the download reader) but still anchor.
/// </summary>
public sealed class InventoryLedgerPage : IPageParser
{
    private static readonly PageColumn[] Columns =
    [
        Req("date", PageLabels.Date),
        Req("event", "Event Type", "Ereignistyp", "Type d'événement", "Tipo di evento", "Tipo de evento", "イベントタイプ"),
        Req("quantity", PageLabels.Quantity),
        Opt("fnsku", PageLabels.Fnsku),
        Opt("reference", "Reference ID", "Referenz-ID", "Transaktionsartikel-ID", "ID de référence", "ID di riferimento", "ID de referencia", "参照ID", "処理番号"),
        Opt("asin", PageLabels.Asin),
        Opt("msku", PageLabels.MerchantSku),
        Opt("fc", PageLabels.FulfillmentCenter),
        Opt("disposition", PageLabels.Disposition),
        Opt("reason", PageLabels.Reason),
        Opt("country", "Country", "Land", "Pays", "Paese", "País", "国"),
    ];

    /// <summary>Event-type words of the online view: the English codes (spaced or not) and the Japanese UI words.</summary>
    private static readonly Dictionary<string, LedgerEventType> EventTypes = new(StringComparer.Ordinal)
    {
        ["shipments"] = LedgerEventType.Shipments, ["customershipments"] = LedgerEventType.Shipments, ["出荷"] = LedgerEventType.Shipments,
        ["customerreturns"] = LedgerEventType.CustomerReturns, ["返品"] = LedgerEventType.CustomerReturns,
        ["receipts"] = LedgerEventType.Receipts, ["受領"] = LedgerEventType.Receipts,
        ["adjustments"] = LedgerEventType.Adjustments, ["調整"] = LedgerEventType.Adjustments,
        ["vendorreturns"] = LedgerEventType.VendorReturns, ["whsetransfers"] = LedgerEventType.WhseTransfers,
        ["warehousetransfers"] = LedgerEventType.WhseTransfers,
    };

    public PageKind Kind => PageKind.InventoryLedger;

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
        var keyComplete = table.Has("fnsku") && table.Has("reference") && table.Has("fc") && table.Has("disposition") && table.Has("reason");
        foreach (var row in table.Rows)
        {
            var type = EventTypes.GetValueOrDefault(PageTables.LabelKey(row.Text("event")), LedgerEventType.Unknown);
            var reference = row.Text("reference");
            var fnsku = row.Text("fnsku");
            result.Anchor(reference, fnsku);
            if (row.Date("date") is not { } date || row.Int("quantity") is not { } quantity || fnsku is null
                || type == LedgerEventType.Unknown || (type == LedgerEventType.Adjustments && reference is null))
            {
                result.Skip();
                continue;
            }
            if (type == LedgerEventType.Shipments)
            {
                continue;
            }
            var country = row.Text("country");
            result.Add(new LedgerEvent
            {
                Date = date,
                Fnsku = fnsku,
                Asin = row.Text("asin"),
                Msku = row.Text("msku"),
                EventType = type,
                ReferenceId = reference,
                Quantity = quantity,
                FulfillmentCenter = row.Text("fc"),
                Disposition = LedgerVocabulary.Disposition(row.Text("disposition")),
                Reason = row.Text("reason"),
                Country = country,
                Marketplace = RegionSplit.FromName(country) ?? marketplace,
            }, store: keyComplete);
        }
        return result.Build(PageFacts.Historical, keyComplete ? null
            : "The table lacks a column of the ledger's natural key (FNSKU, Reference ID, Fulfillment Center, Disposition, Reason): rows locate findings but are not stored.");
    }
}
