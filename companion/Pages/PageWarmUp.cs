using System.Text;
using Microsoft.Extensions.Options;
using Refully.Companion.Detection;
using Refully.Companion.Domain.Records;
using Refully.Companion.Hosting;
using Refully.Companion.Pages.Parsers;

namespace Refully.Companion.Pages;

/// <summary>
/// Reads a small built-in Katal ledger page once when the companion starts, on a background thread, and runs the detection
/// engine over its records in memory, so the code that composes, parses and reads pages and detects is compiled before
/// the seller's first capture arrives (the first capture after a
/// start otherwise waits about a second for the JIT; docs/pages.md "Performance"). It stores nothing and answers
/// nobody; a failure is logged and changes nothing. <see cref="CompanionOptions.WarmUpPages"/> turns it off.
/// </summary>
public sealed class PageWarmUp(IOptionsMonitor<CompanionOptions> options, DetectionEngine engine, ILogger<PageWarmUp> logger) : BackgroundService
{
    private static readonly Uri LedgerUrl = new("https://sellercentral.amazon.com/reportcentral/INVENTORY_LEDGER/0");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.WarmUpPages)
        {
            return Task.CompletedTask;
        }
        return Task.Run(() =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                var records = Read();
                // The engine too, in memory over the page's records (no store, no findings kept).
                var ledger = records.OfType<LedgerEvent>().ToList();
                foreach (var record in ledger)
                {
                    record.Id = record.NaturalKey() + "#1";
                }
                var findings = engine.Run(new DetectionInput { Ledger = ledger }, new DateOnly(2026, 11, 26));
                logger.LogInformation("Page reading warmed up: {Records} records from the built-in page, {Findings} findings, in {Ms:0} ms",
                    records.Count, findings.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Warming up page reading failed; the first page will only be slower");
            }
        }, stoppingToken);
    }

    /// <summary>Composes, recognises and reads the built-in page as a capture would be; the records read.</summary>
    internal static IReadOnlyList<DomainRecord> Read()
    {
        var composed = ComposedDocument.Parse(Page(), deferRows: PageParsers.DefersRows(LedgerUrl));
        var document = composed.Document;
        var parse = PageParsers.For(LedgerUrl, document).Parse(document, LedgerUrl, "US");
        _ = PageSummary.Tables(document);
        _ = PageSummary.Headings(document);
        return parse.Records;
    }

    /// <summary>An Inventory Ledger online view in Katal's shape: a kat-table whose header and body cells have open shadow roots.</summary>
    internal static string Page()
    {
        const string style = "<style>:host{display:table-cell}</style>";
        static string Cell(string role, string text) =>
            $"<kat-table-cell role=\"{role}\"><template shadowrootmode=\"open\">{style}<div part=\"cell\"><slot></slot></div></template>{text}</kat-table-cell>";
        var html = new StringBuilder("<!DOCTYPE html><html><head><title>Inventory Ledger</title></head><body>")
            .Append("<kat-box><template shadowrootmode=\"open\"><h1>Inventory Ledger</h1><slot></slot></template></kat-box>")
            .Append("<kat-table><template shadowrootmode=\"open\"><div role=\"table\"><slot></slot></div></template><kat-table-head><kat-table-row>");
        foreach (var header in new[] { "Date", "FNSKU", "ASIN", "MSKU", "Title", "Event Type", "Reference ID", "Quantity", "Fulfillment Center", "Disposition", "Reason", "Country" })
        {
            html.Append(Cell("columnheader", header));
        }
        html.Append("</kat-table-row></kat-table-head><kat-table-body>");
        for (var i = 0; i < 20; i++)
        {
            html.Append("<kat-table-row role=\"row\">");
            foreach (var value in new[] { $"10/{i + 1:00}/2026", $"X00WARM{i:000}", $"B0WARM{i:0000}", $"WARM-{i}", "Warm-up item", "Adjustments", $"90000{i:00000}", "-1", "PHX6", "SELLABLE", "M", "US" })
            {
                html.Append(Cell("cell", value));
            }
            html.Append("</kat-table-row>");
        }
        html.Append("</kat-table-body></kat-table>");
        // The same table as the extension captures it (only the header cells' roots have content, the rows are the page's
        // own DOM), so that reading rows outside a shadow root is compiled too.
        html.Append("<kat-table><kat-table-head><kat-table-row>");
        foreach (var header in new[] { "Date", "FNSKU", "Event Type", "Quantity" })
        {
            html.Append(Cell("columnheader", header));
        }
        html.Append("</kat-table-row></kat-table-head><kat-table-body>");
        for (var i = 0; i < 5; i++)
        {
            html.Append($"<kat-table-row><kat-table-cell>10/0{i + 1}/2026</kat-table-cell><kat-table-cell>X00WARM{i:000}</kat-table-cell>")
                .Append("<kat-table-cell>Receipts &amp; more</kat-table-cell><kat-table-cell>1</kat-table-cell></kat-table-row>");
        }
        return html.Append("</kat-table-body></kat-table></body></html>").ToString();
    }
}
