using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Refully.Companion.Detection;

namespace Refully.EndToEnd.Infrastructure;

/// <summary>Reads Refully's badges the way a person sees them: per row of the page's report table.</summary>
public static class Badges
{
    /// <summary>Row key (the text of the row's <paramref name="keyColumn"/>-th cell) → finding ids badged on that row, sorted.</summary>
    public static async Task<Dictionary<string, string[]>> ByRowAsync(IPage page, int keyColumn)
    {
        var json = await page.EvaluateAsync<string>(
            """
            keyColumn => {
              const roots = [document];
              const shell = document.querySelector("report-central-view");
              if (shell?.shadowRoot) roots.push(shell.shadowRoot);
              const rows = {};
              for (const root of roots) {
                for (const row of root.querySelectorAll("kat-table-body > kat-table-row")) {
                  const cells = [...row.children].filter(c => c.localName === "kat-table-cell");
                  const ids = [...row.querySelectorAll("refully-badge")].map(b => b.dataset.refullyFinding).sort();
                  rows[cells[keyColumn].textContent.trim()] = ids;
                }
              }
              return JSON.stringify(rows);
            }
            """, keyColumn);
        return JsonSerializer.Deserialize<Dictionary<string, string[]>>(json)!;
    }

    /// <summary>Waits until the rows carry exactly these badges (rows not named carry none).</summary>
    public static Task<Dictionary<string, string[]>> WaitForAsync(IPage page, int keyColumn, Dictionary<string, string[]> expected) =>
        Eventually.UntilAsync(
            () => ByRowAsync(page, keyColumn),
            rows => rows.Count > 0 && rows.All(r => r.Value.SequenceEqual(expected.GetValueOrDefault(r.Key, []).Order(StringComparer.Ordinal))),
            $"badges {string.Join("; ", expected.Select(e => $"{e.Key}: {string.Join(",", e.Value)}"))}");

    /// <summary>Every refully-badge in the page, shadow roots included.</summary>
    public static Task<int> CountAsync(IPage page) => page.Locator("refully-badge").CountAsync();

    public static ILocator Badge(IPage page, string findingId) => page.Locator($"refully-badge[data-refully-finding='{findingId}']");

    /// <summary>How the extension writes a deadline in en-US: "by Dec 1, 2026".</summary>
    public static string By(DateOnly deadline) => $"by {deadline.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}";

    public static string Money(decimal amount) => amount.ToString("$#,##0.00", CultureInfo.InvariantCulture);
}

/// <summary>The findings the ledger and reimbursements fixtures are seeded with (see Fixtures/ledger-report.html).</summary>
public static class LedgerSeeds
{
    // Page 1
    public static readonly Seed Lost = new("lost-8712345001", ClaimType.LostWarehouse, 3, DaysToDeadline: 3, Amount: 41.70m, ReferenceId: "8712345001", Fnsku: "X00ABCD123");
    public static readonly Seed Damaged = new("damaged-8712345003", ClaimType.DamagedWarehouse, 2, DaysToDeadline: 20, Amount: 25.98m, ReferenceId: "8712345003", Fnsku: "X00EFGH456");
    public static readonly Seed ReviewByFnsku = new("review-X00ABCD123", ClaimType.DamagedWarehouse, 1, DaysToDeadline: 10, Fnsku: "X00ABCD123", Confidence: Confidence.Review);
    public static readonly Seed ExactReference = new("lost-8712345005", ClaimType.LostWarehouse, 1, DaysToDeadline: 15, Amount: 9.99m, ReferenceId: "8712345005");

    // Page 2
    public static readonly Seed LostOnPage2 = new("lost-8712345006", ClaimType.LostWarehouse, 4, DaysToDeadline: 30, Amount: 55.60m, ReferenceId: "8712345006", Fnsku: "X00MNOP012");

    // Nowhere on the page
    public static readonly Seed Elsewhere = new("lost-elsewhere", ClaimType.LostWarehouse, 7, DaysToDeadline: 12, Amount: 70m, ReferenceId: "9999999999", Fnsku: "X00NOTHERE");

    public static Seed[] All => [Lost, Damaged, ReviewByFnsku, ExactReference, LostOnPage2, Elsewhere];

    /// <summary>Ledger rows are keyed by their Reference ID (7th column).</summary>
    public const int ReferenceColumn = 6;
}
