namespace Refully.Companion.Reports.Import;

/// <summary>What importing one file did: the report it was read as (null when rejected), rows read, marketplaces, date range and problems.</summary>
public sealed record FileImport
{
    public required string File { get; init; }

    /// <summary>The report the file was imported as; null when it was rejected.</summary>
    public string? Report { get; init; }

    /// <summary>The report its header matched, also when the file was then rejected for bad rows.</summary>
    public string? RecognisedAs { get; init; }

    public long Rows { get; init; }

    /// <summary>Records stored (rows a reader skips, like customer shipments in the ledger, store none).</summary>
    public long Records { get; init; }

    public IReadOnlyList<string> Marketplaces { get; init; } = [];

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public bool Rejected { get; init; }

    public int Errors { get; init; }

    public int Warnings { get; init; }

    /// <summary>The problems as lines: file, line, column, value and what is wrong.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Time taken to read and store the file, and the part of it spent storing.</summary>
    public TimeSpan Elapsed { get; init; }

    public TimeSpan StoreTime { get; init; }

    /// <summary>How the file was read ("UTF-8, tab, header on line 1"), for the console.</summary>
    public string? Layout { get; init; }

    public static FileImport Reject(string file, string problem, string? recognisedAs = null, long rows = 0) =>
        new() { File = file, Rejected = true, RecognisedAs = recognisedAs, Rows = rows, Errors = 1, Problems = [problem] };
}
