using System.Globalization;
using System.Text.Json;
using Refully.Companion.Reports.Core;

namespace Refully.Companion.Reports.Readers;

/// <summary>
/// Null-safe reads of SP-API JSON objects for the JSON readers. A value of the wrong kind is a problem
/// naming the file and the JSON path: an Error when the field is required, else a Warning.
/// </summary>
public sealed class JsonFields(string file, ICollection<ReportProblem> problems)
{
    /// <summary>The list under `payload.&lt;name&gt;` (the API response) or `&lt;name&gt;` (the payload saved alone).</summary>
    public static bool TryGetList(JsonElement root, string name, out JsonElement list)
    {
        list = default;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        var holder = root.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object ? payload : root;
        return holder.TryGetProperty(name, out list) && list.ValueKind == JsonValueKind.Array;
    }

    public string? Text(JsonElement item, string path, string name, bool required = false)
    {
        var value = item.TryGetProperty(name, out var v) ? v : default;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()?.Trim(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Problem(path, name, null, true, "this field identifies the item and is missing or empty");
            }
            return null;
        }
        return text;
    }

    public int? Int(JsonElement item, string path, string name)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n))
        {
            return n;
        }
        Problem(path, name, value.GetRawText(), false, "not a whole number");
        return null;
    }

    public bool? Bool(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    public DateOnly? Date(JsonElement item, string path, string name)
    {
        var text = Text(item, path, name);
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ts))
        {
            return DateOnly.FromDateTime(ts.DateTime);
        }
        Problem(path, name, text, false, "not a date");
        return null;
    }

    private void Problem(string path, string name, string? value, bool error, string message) =>
        problems.Add(new ReportProblem(error ? ProblemSeverity.Error : ProblemSeverity.Warning, file, 0, 0, $"{path}.{name}", value, message));
}
