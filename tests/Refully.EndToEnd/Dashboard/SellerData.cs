using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Refully.EndToEnd.Infrastructure;

namespace Refully.EndToEnd.Dashboard;

/// <summary>
/// A small seller account written as the files Seller Central gives: an Inventory Ledger download and the seller's
/// unit costs. Dates count back from today (the real companion evaluates at today), so the findings are:
/// SKU-RED lost 40 days ago (Claimable, USD 20.00), SKU-BLUE lost 57 days ago (Claimable, USD 7.50, deadline in 3
/// days), SKU-GREEN lost 10 days ago (Waiting, USD 12.00), SKU-MAPLE lost in Canada 40 days ago (Claimable,
/// CAD 15.00), and SKU-TEAL disposed of 20 days ago without a removal order (NeedsReview, USD 5.00).
/// </summary>
public sealed class SellerData : IDisposable
{
    private static readonly string Header = string.Join('\t', "Date", "FNSKU", "ASIN", "MSKU", "Title", "Event Type", "Reference ID",
        "Quantity", "Fulfillment Center", "Disposition", "Reason", "Country", "Reconciled Quantity", "Unreconciled Quantity", "Date and Time");

    public SellerData()
    {
        Directory.CreateDirectory(Folder);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
            TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")).DateTime);
        Today = today;
        var ledger = new StringBuilder(Header).Append('\n');
        Row(ledger, today.AddDays(-40), "X00DASH0001", "SKU-RED", "5000000001", -2, "M", "US");
        Row(ledger, today.AddDays(-57), "X00DASH0002", "SKU-BLUE", "5000000002", -1, "M", "US");
        Row(ledger, today.AddDays(-10), "X00DASH0003", "SKU-GREEN", "5000000003", -3, "M", "US");
        Row(ledger, today.AddDays(-40), "X00DASH0004", "SKU-MAPLE", "5000000004", -1, "M", "CA");
        Row(ledger, today.AddDays(-20), "X00DASH0005", "SKU-TEAL", "5000000005", -1, "D", "US");
        File.WriteAllText(LedgerFile, ledger.ToString());
        File.WriteAllText(CostsFile, "sku,unit-cost,currency\nSKU-RED,10.00,USD\nSKU-BLUE,7.50,USD\nSKU-GREEN,4.00,USD\nSKU-MAPLE,15.00,CAD\nSKU-TEAL,5.00,USD\n");
        File.WriteAllText(NotAReportFile, "shopping list\nmilk\neggs\n");
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"refully-e2e-dashboard-{Guid.NewGuid():N}");

    public DateOnly Today { get; }

    public string LedgerFile => Path.Combine(Folder, "ledger.tsv");

    public string CostsFile => Path.Combine(Folder, "costs.csv");

    public string NotAReportFile => Path.Combine(Folder, "notes.txt");

    /// <summary>Imports the ledger and the costs through the API, as the dashboard would, and runs detection.</summary>
    public async Task ImportAsync(CompanionServer companion)
    {
        using var http = new HttpClient { BaseAddress = new Uri(companion.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", companion.Tokens.Issue("seed", null).Token);
        using var form = new MultipartFormDataContent();
        foreach (var file in new[] { LedgerFile, CostsFile })
        {
            form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(file)), "files", Path.GetFileName(file));
        }
        var accepted = await http.PostAsync("/api/reports", form);
        accepted.EnsureSuccessStatusCode();
        var location = accepted.Headers.Location!.ToString();
        var job = await Eventually.UntilAsync(async () => await http.GetFromJsonAsync<JsonElement>(location),
            j => j.GetProperty("state").GetString() == "done", "the seed import to finish", TimeSpan.FromSeconds(30));
        job.GetProperty("files").EnumerateArray().Should().OnlyContain(f => f.GetProperty("state").GetString() == "imported", job.ToString());
        (await http.PostAsync("/api/findings/rescan", null)).EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static void Row(StringBuilder sb, DateOnly date, string fnsku, string sku, string reference, int quantity, string reason, string country)
    {
        var d = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        sb.AppendJoin('\t', d, fnsku, "B0DASH" + fnsku[^4..], sku, "Dashboard test item", "Adjustments", reference,
            quantity.ToString(CultureInfo.InvariantCulture), "PHX6", "SELLABLE", reason, country, "0", "0", d + "T10:00:00-0700").Append('\n');
    }
}
