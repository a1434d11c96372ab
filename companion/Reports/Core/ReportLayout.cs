using System.Text;

namespace Refully.Companion.Reports.Core;

/// <summary>What the core learnt from the start of a file: how to decode and split it, where its header is, which reader takes it and how it writes values.</summary>
public sealed record ReportLayout(
    Encoding Encoding,
    char Delimiter,
    bool Quoted,
    int HeaderLineIndex,
    Recognition Recognition,
    ReportValueFormat Format)
{
    public string DelimiterName => Delimiter switch { '\t' => "tab", ',' => "comma", ';' => "semicolon", _ => Delimiter.ToString() };
}

/// <summary>The outcome of looking at the start of a file: a layout, or why there is none.</summary>
public sealed record SniffResult(ReportLayout? Layout, NearMiss? Closest, string? Failure, bool IsJson)
{
    /// <summary>The message for a file no reader takes.</summary>
    public string RejectionMessage => Failure ?? Closest?.Describe()
        ?? "not a known report: no line in its first 30 has the columns of any report Refully reads";
}
