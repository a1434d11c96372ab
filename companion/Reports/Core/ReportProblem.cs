namespace Refully.Companion.Reports.Core;

public enum ProblemSeverity
{
    /// <summary>The value was not usable; an optional field was left empty and the row kept.</summary>
    Warning,

    /// <summary>An identifying field is missing or malformed: the file is rejected and nothing of it is stored.</summary>
    Error,
}

/// <summary>A problem found in an input file, with where it is: line and column are 1-based, 0 when not applicable.</summary>
public sealed record ReportProblem(ProblemSeverity Severity, string File, long Line, int Column, string? ColumnName, string? Value, string Message)
{
    public override string ToString()
    {
        var where = Line > 0 ? (Column > 0 ? $"{File}:{Line}:{Column}" : $"{File}:{Line}") : File;
        var column = ColumnName is null ? "" : $" [{ColumnName}]";
        var value = Value is null ? "" : $" value '{Value}'";
        return $"{where}{column}{value}: {Message}";
    }
}
