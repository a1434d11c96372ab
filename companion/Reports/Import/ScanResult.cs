using System.Text.Json;
using System.Text.Json.Serialization;

namespace Refully.Companion.Reports.Import;

/// <summary>One entry of `imports` in the scan JSON (claims.md §5).</summary>
public sealed record ImportEntryDto(
    string File,
    string? Report,
    long Rows,
    IReadOnlyList<string> Marketplaces,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<string> Problems);

/// <summary>The scan JSON document: <c>{asOf, imports, findings}</c> (claims.md §5).</summary>
public sealed record ScanResultDto(DateOnly AsOf, IReadOnlyList<ImportEntryDto> Imports, IReadOnlyList<Refully.Companion.Detection.FindingDto> Findings)
{
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}

public static class FileImportDtos
{
    public static ImportEntryDto ToDto(this FileImport import) =>
        new(import.File, import.Report, import.Rows, import.Marketplaces, import.From, import.To, import.Problems);
}
