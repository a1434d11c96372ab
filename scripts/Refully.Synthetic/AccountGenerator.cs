using System.Text.Json;
using Refully.Synthetic.Reports;
using Refully.Synthetic.Scenarios;

namespace Refully.Synthetic;

/// <summary>What one generation wrote: the report files (under <c>reports/</c>) and the answer file.</summary>
public sealed record GeneratedAccount(string Root, string ReportsFolder, string ExpectedFile, IReadOnlyList<WrittenFile> Files, int Findings, int Decoys);

/// <summary>
/// Builds one seller account for a seed (scenarios first, then the background business) and writes its
/// reports plus <c>expected-findings.json</c>. Same seed, asOf and scale: byte-identical output.
/// </summary>
public static class AccountGenerator
{
    public const string ReportsFolderName = "reports";
    public const string ExpectedFileName = "expected-findings.json";

    public static GeneratedAccount Generate(int seed, string outDir, DateOnly asOf, int scale = 1, bool europe = true)
    {
        var account = new Account(seed, asOf, Math.Max(1, scale), europe);
        WarehouseScenarios.Add(account);
        InboundScenarios.Add(account);
        CustomerScenarios.Add(account);
        RemovalAndValueScenarios.Add(account);
        Noise.Add(account, Market.Us, 16 * account.Scale, 6.0 * account.Scale);
        if (europe)
        {
            Noise.Add(account, Market.Uk, 5 * account.Scale, 1.3 * account.Scale);
        }
        CheckReimbursementValues(account);

        var reports = Path.Combine(outDir, ReportsFolderName);
        if (Directory.Exists(reports))
        {
            Directory.Delete(reports, recursive: true);
        }
        var files = new ReportFiles(account, reports).WriteAll();
        var expectedPath = Path.Combine(outDir, ExpectedFileName);
        var document = new Dictionary<string, object?>
        {
            ["generator"] = "scripts/generate-account (docs/synthetic-data.md)",
            ["seed"] = seed,
            ["asOf"] = asOf.ToString("yyyy-MM-dd"),
            ["scale"] = account.Scale,
            ["reportsFolder"] = ReportsFolderName,
            ["files"] = files.Select(f => new Dictionary<string, object?>
            {
                ["file"] = $"{ReportsFolderName}/{f.File}", ["report"] = f.Report, ["rows"] = f.Rows, ["marketplace"] = f.Marketplace,
            }),
            ["findings"] = account.Expected,
            ["decoys"] = account.Decoys,
        };
        File.WriteAllText(expectedPath, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return new GeneratedAccount(outDir, reports, expectedPath, files, account.Expected.Count, account.Decoys.Count);
    }

    /// <summary>
    /// Guard against accidental findings: every cash reimbursement with a pre-order reason on a costed product
    /// is either an intended ReimbursedBelowCost or paid within 1% of cost (claims.md §2).
    /// </summary>
    private static void CheckReimbursementValues(Account account)
    {
        var intended = account.Expected.Where(e => (string?)e["type"] == Policy.ReimbursedBelowCost).Select(e => (string?)e["referenceId"]).ToHashSet();
        foreach (var r in account.Reimbursements)
        {
            var cost = account.Products.First(p => p.Fnsku == r.Product.Fnsku).Cost;
            var below = Policy.IsPreOrderReason(r.Reason) && r.Cash > 0 && cost is { } c && r.AmountPerUnit < c * 0.99m;
            if (below != intended.Contains(r.Id))
            {
                throw new InvalidOperationException($"reimbursement {r.Id} ({r.Reason}, {r.AmountPerUnit} against cost {cost}) would {(below ? "" : "not ")}be a ReimbursedBelowCost finding");
            }
        }
    }
}
