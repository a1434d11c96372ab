using System.Text;
using Microsoft.Extensions.Options;
using Refully.Companion.Detection;
using Refully.Companion.Hosting;
using Refully.Companion.Pages.Parsers;
using Refully.Companion.Claims;
using Refully.Companion.Reports.Import;
using Refully.Companion.Storage;

namespace Refully.Companion.Pages;

/// <summary>
/// When the companion starts, runs the page intake over a small built-in Katal ledger page on a background thread —
/// composing, reading, storing, detecting and tracking claims, against a scratch data file of its own that is deleted
/// after — and reads and writes a capture's JSON, so the code a capture takes is compiled before the seller's first
/// capture arrives (the first capture after a start otherwise waits about a second for the JIT; docs/pages.md
/// "Performance"). The seller's data file is never touched and nobody is answered; a failure is logged and changes
/// nothing. <see cref="CompanionOptions.WarmUpPages"/> turns it off.
/// </summary>
public sealed class PageWarmUp(IOptionsMonitor<CompanionOptions> options, ILogger<PageWarmUp> logger,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>? json = null) : BackgroundService
{
    internal static readonly Uri LedgerUrl = new("https://sellercentral.amazon.com/reportcentral/INVENTORY_LEDGER/0");

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
                var (records, findings) = Scratch(out _);
                if (json is not null)
                {
                    Json(json.Value.SerializerOptions);
                }
                logger.LogInformation("Page reading warmed up: {Records} records from the built-in page, {Findings} findings, in {Ms:0} ms",
                    records, findings, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Warming up page reading failed; the first page will only be slower");
            }
        }, stoppingToken);
    }

    /// <summary>
    /// The whole intake, twice, over a scratch data file of its own in the temp folder (deleted after; the seller's data file
    /// is never opened): the built-in page (composed, read, its 20 records stored, detection run in full, claims tracked)
    /// and the same page with new rows (stored, detection continued). Every step a capture takes is then compiled: the
    /// first capture after a start measured ≈ 0.9 s in all before this (its store and detection paths ≈ 0.4 s).
    /// </summary>
    internal static (int Records, int Findings) Scratch(out string path)
    {
        path = Path.Combine(Path.GetTempPath(), $"refully-warm-up-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Companion:DbPath"] = path, ["Companion:WarmUpPages"] = "false" }).Build());
        services.AddOptions<CompanionOptions>().BindConfiguration("Companion");
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddCompanionStorage();
        services.AddPageIntake();
        services.AddReports();
        services.AddDetection(() => Detection.Detectors.DetectorRegistry.All);
        services.AddClaims();
        try
        {
            using var provider = services.BuildServiceProvider();
            var intake = provider.GetRequiredService<PageIntake>();
            var (first, _) = intake.Accept(new PageCaptureRequest(LedgerUrl.ToString(), "Inventory Ledger", null, Page()));
            intake.Accept(new PageCaptureRequest(LedgerUrl.ToString(), "Inventory Ledger", null, Page(1)));
            return (first?.Records.Read ?? 0, first?.Findings.Count ?? 0);
        }
        finally
        {
            foreach (var file in new[] { path, Path.ChangeExtension(path, null) + "-log.db" })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>
    /// A capture's JSON read and a page answer (with a finding) written with the API's options, as a request does: the
    /// serializer builds its converters for these types on first use, which otherwise the first capture waits for.
    /// </summary>
    internal static void Json(System.Text.Json.JsonSerializerOptions options)
    {
        var request = System.Text.Json.JsonSerializer.Deserialize<PageCaptureRequest>(
            """{"url":"https://sellercentral.amazon.com/reportcentral/INVENTORY_LEDGER/0","title":"Inventory Ledger","capturedAt":"2026-11-26T08:59:00Z","html":"<p>a &amp; \"b\"</p>"}""",
            options)!;
        var finding = new FindingDto("warm-up", "LostWarehouse", "High", "Claimable", "US", "USD", "X00WARM000", "WARM-0", "B0WARM0000", null, null, null,
            "9000000000", 1, 12.5m, new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 1), [new EvidenceDto("ledger", new DateOnly(2026, 11, 1), "9000000000", -1, "warm-up")],
            "warm-up");
        var answer = new PageAnswer("warm-up", "InventoryLedger", true, "US", request.Title ?? "", ["Inventory Ledger"], [new PageTable(["Date"], 1)], 1,
            new PageRecords(1, 1, 0, 0, 0, 0, 1, null), [new PageFinding(finding, ["9000000000"])],
            new PageFindingSummary(1, [new MoneyDto("USD", 12.5m)], 0, 0));
        _ = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(answer, options);
    }

    /// <summary>An Inventory Ledger online view in Katal's shape: a kat-table whose header and body cells have open shadow roots.</summary>
    internal static string Page(int page = 0)
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
            foreach (var value in new[] { $"10/{i + 1:00}/2026", $"X00WARM{i:000}", $"B0WARM{i:0000}", $"WARM-{i}", "Warm-up item", "Adjustments", $"9{page:0000}{i:00000}", "-1", "PHX6", "SELLABLE", "M", "US" })
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
