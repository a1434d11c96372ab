namespace Refully.Companion.Reports.Import;

/// <summary>Limits and batch sizes of report imports, bound from the "Reports" configuration section.</summary>
public sealed class ReportOptions
{
    /// <summary>Records stored per batch inside a file's transaction.</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>Most data rows read from one file; a longer file is rejected.</summary>
    public long MaxRowsPerFile { get; set; } = 20_000_000;

    /// <summary>Problems kept per file (all are counted).</summary>
    public int MaxProblemsPerFile { get; set; } = 200;

    /// <summary>Largest JSON report read (JSON documents are read whole).</summary>
    public long MaxJsonBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Finished upload jobs kept for GET /api/reports/jobs/{id}.</summary>
    public int KeptJobs { get; set; } = 50;
}
