using AngleSharp.Dom;
using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Readers;
using static Refully.Companion.Pages.Parsers.PageColumn;

namespace Refully.Companion.Pages.Parsers;

/// <summary>
/// FBA customer returns, online view (Reports › Fulfillment › Customer Concessions › Returns). Rows read as the
/// download's <see cref="CustomerReturn"/>s, but they are never stored: the return's natural key holds the return
/// timestamp and the license plate number, and the online view shows a day only ("01-09-2026") where the download
/// has the time and offset, so a page row could never be the same fact as the downloaded row and would count
/// the return twice. The rows locate findings (order id, LPN, FNSKU).
/// </summary>
public sealed class CustomerReturnsPage : IPageParser
{
    private static readonly PageColumn[] Columns =
    [
        Req("date", "Returned Date", "Return Date", "Rücksendedatum", "Date de retour", "Data di reso", "Fecha de devolución", "返品日"),
        Req("order", PageLabels.OrderId),
        Opt("sku", PageLabels.MerchantSku),
        Opt("asin", PageLabels.Asin),
        Opt("fnsku", PageLabels.Fnsku),
        Opt("quantity", PageLabels.Quantity),
        Opt("fc", PageLabels.FulfillmentCenter),
        Opt("disposition", PageLabels.Disposition),
        Opt("reason", PageLabels.Reason.Append("Customer Return Reason").ToArray()),
        Opt("status", PageLabels.Status),
        Opt("lpn", "LPN", "License Plate Number", "lpn"),
    ];

    public PageKind Kind => PageKind.CustomerReturns;

    public bool MatchesUrl(Uri url) => PageRecognizer.Recognise(url) == Kind;

    public bool ReadsTablesOnly => true;

    public bool MatchesDom(IDocument document) => PageTables.Find(document, Columns, PageTables.FormatFor(null)) is not null;

    public PageParse Parse(IDocument document, Uri url, string? marketplace)
    {
        var result = new PageParseBuilder(Kind, marketplace);
        var table = PageTables.Find(document, Columns, PageTables.FormatFor(marketplace));
        foreach (var row in table?.Rows ?? [])
        {
            var order = row.Text("order");
            result.Anchor(order, row.Text("lpn"), row.Text("fnsku"));
            if (order is null || row.Timestamp("date") is not { } date)
            {
                result.Skip();
                continue;
            }
            result.Add(new CustomerReturn
            {
                ReturnDate = date,
                OrderId = order,
                Sku = row.Text("sku"),
                Asin = row.Text("asin"),
                Fnsku = row.Text("fnsku"),
                Quantity = row.Int("quantity") ?? 1,
                FulfillmentCenterId = row.Text("fc"),
                DetailedDisposition = LedgerVocabulary.Disposition(row.Text("disposition")),
                Reason = row.Text("reason"),
                Status = row.Text("status"),
                LicensePlateNumber = row.Text("lpn"),
            }, store: false);
        }
        return result.Build(PageFacts.Historical,
            "The online view shows the return's day only; the natural key needs the download's timestamp: rows locate findings but are not stored.");
    }
}
