using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Refully.Companion.Domain.Records;
using static Refully.Companion.Pages.Parsers.PageColumn;

namespace Refully.Companion.Pages.Parsers;

/// <summary>
/// An inbound shipment's Contents tab (formerly Reconcile): shipped vs received per MSKU/FNSKU, with the
/// shipment's status. Gives the <see cref="InboundShipment"/> (status only) and its <see cref="InboundShipmentItem"/>s,
/// keyed like the SP-API records (shipment id; shipment id + FNSKU + MSKU), so a visit updates what is stored.
/// "Units expected / Units located" may be one column ("12 / 10") or two.
/// </summary>
public sealed partial class InboundShipmentPage : IPageParser
{
    private static readonly PageColumn[] Columns =
    [
        Req("fnsku", PageLabels.Fnsku),
        Req("expected", "Units expected / Units located", "Units expected", "Units shipped", "Shipped", "Erwartete Einheiten", "Versandte Einheiten", "Unités attendues", "Unità previste", "Unidades previstas", "予定数", "出荷数"),
        Opt("msku", PageLabels.MerchantSku),
        Opt("located", "Units located", "Units received", "Received", "Gefundene Einheiten", "Erhaltene Einheiten", "Unités localisées", "Unità individuate", "Unidades localizadas", "受領数"),
        Opt("status", PageLabels.Status.Concat(["Status/Action Required", "Status/Action required"]).ToArray()),
    ];

    private static readonly Dictionary<string, string> Statuses = new(StringComparer.Ordinal)
    {
        ["closed"] = "CLOSED", ["geschlossen"] = "CLOSED", ["clôturé"] = "CLOSED", ["chiusa"] = "CLOSED", ["cerrado"] = "CLOSED", ["終了"] = "CLOSED",
        ["receiving"] = "RECEIVING", ["inempfangnahme"] = "RECEIVING", ["受領中"] = "RECEIVING",
        ["checkedin"] = "CHECKED_IN", ["delivered"] = "DELIVERED", ["zugestellt"] = "DELIVERED", ["配達済み"] = "DELIVERED",
        ["intransit"] = "IN_TRANSIT", ["unterwegs"] = "IN_TRANSIT", ["輸送中"] = "IN_TRANSIT",
        ["working"] = "WORKING", ["shipped"] = "SHIPPED", ["cancelled"] = "CANCELLED",
    };

    public PageKind Kind => PageKind.InboundShipment;

    public bool MatchesUrl(Uri url) => PageRecognizer.Recognise(url) == Kind;

    public bool ReadsTablesOnly => false; // it reads headings, labelled fields or tabs too

    public bool MatchesDom(IDocument document) => PageTables.Find(document, Columns, PageTables.FormatFor(null)) is not null;

    public PageParse Parse(IDocument document, Uri url, string? marketplace)
    {
        var result = new PageParseBuilder(Kind, marketplace);
        var shipmentId = ShipmentId(url, document);
        var table = PageTables.Find(document, Columns, PageTables.FormatFor(marketplace));
        if (shipmentId is null || table is null)
        {
            result.Skip();
            return result.Build(PageFacts.Live, "No shipment id (FBA…) in the address or the page.");
        }
        result.Anchor(shipmentId);
        var shown = PageValues.Field(document, "Shipment status", "Status", "Sendungsstatus", "Statut de l'envoi", "Stato della spedizione", "Estado del envío", "ステータス");
        result.Add(new InboundShipment { ShipmentId = shipmentId, ShipmentStatus = shown is null ? null : Statuses.GetValueOrDefault(PageTables.LabelKey(shown)) });
        foreach (var row in table.Rows)
        {
            var fnsku = row.Text("fnsku");
            result.Anchor(fnsku);
            var expected = row.Text("expected");
            var (shipped, received) = Pair(expected, row.Int("expected"), row.Int("located"));
            if (fnsku is null || shipped is null)
            {
                result.Skip();
                continue;
            }
            result.Add(new InboundShipmentItem { ShipmentId = shipmentId, Fnsku = fnsku, SellerSku = row.Text("msku"), QuantityShipped = shipped, QuantityReceived = received });
        }
        return result.Build(PageFacts.Live);
    }

    /// <summary>"12 / 10" in one cell, or two cells.</summary>
    private static (int? Shipped, int? Received) Pair(string? expected, int? single, int? located)
    {
        var match = expected is null ? null : PairPattern().Match(expected);
        return match is { Success: true } ? (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value)) : (single, located);
    }

    private static string? ShipmentId(Uri url, IDocument document)
    {
        var fromUrl = ShipmentPattern().Match(Uri.UnescapeDataString(url.PathAndQuery + url.Fragment));
        if (fromUrl.Success)
        {
            return fromUrl.Value;
        }
        var fromPage = ShipmentPattern().Match(document.Title + " " + string.Join(" ", document.QuerySelectorAll("h1, h2, [data-testid*=shipment]").Select(e => e.TextContent)));
        return fromPage.Success ? fromPage.Value : null;
    }

    [GeneratedRegex(@"\bFBA[0-9A-Z]{6,12}\b")]
    private static partial Regex ShipmentPattern();

    [GeneratedRegex(@"^\s*(\d+)\s*/\s*(\d+)\s*$")]
    private static partial Regex PairPattern();
}
