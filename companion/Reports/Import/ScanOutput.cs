namespace Refully.Companion.Reports.Import;

/// <summary>The console lines `scan` prints for one file.</summary>
internal static class ScanOutput
{
    public static void Write(TextWriter output, FileImport import)
    {
        if (import.Rejected)
        {
            var what = import.RecognisedAs is null ? "" : $" (read as {import.RecognisedAs}, {import.Rows:N0} rows)";
            output.WriteLine($"REJECTED {import.File}{what}");
        }
        else
        {
            var markets = import.Marketplaces.Count == 0 ? "marketplace not stated" : string.Join(", ", import.Marketplaces);
            var range = import.From is null ? "no dates" : $"{import.From:yyyy-MM-dd} to {import.To:yyyy-MM-dd}";
            output.WriteLine($"{import.File}: {import.Report} [{import.Layout}]");
            output.WriteLine($"    {import.Rows:N0} rows read, {import.Records:N0} records stored, {markets}, {range}");
            output.WriteLine($"    {import.Elapsed.TotalSeconds:0.0} s ({import.StoreTime.TotalSeconds:0.0} s storing)");
        }
        foreach (var problem in import.Problems)
        {
            output.WriteLine($"    {problem}");
        }
    }
}
