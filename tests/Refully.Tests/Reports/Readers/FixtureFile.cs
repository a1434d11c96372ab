using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Refully.Companion.Domain.Records;
using Refully.Companion.Reports;
using Refully.Companion.Reports.Core;

namespace Refully.Tests.Reports.Readers;

/// <summary>
/// Reads a fixture file end to end through the core: <see cref="ReportSniffer"/> (encoding, delimiter,
/// preamble, header recognition over the registry, value format) and <see cref="TabularReportFile"/> (rows
/// through the reader); JSON through the registry's JSON readers.
/// </summary>
public sealed class FixtureFile
{
    public static readonly string Root = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Path { get; }
    public string? Report { get; private set; }
    public List<DomainRecord> Records { get; } = [];
    public List<ReportProblem> Problems { get; } = [];
    public IReadOnlyList<string>? Header { get; private set; }

    /// <summary>The value format the core detected.</summary>
    public ReportValueFormat? Format { get; private set; }
    public List<string[]> Rows { get; } = [];

    private FixtureFile(string path) => Path = path;

    public static FixtureFile Read(string path)
    {
        var file = new FixtureFile(path);
        var name = System.IO.Path.GetFileName(path);
        var sink = new ListSink(file.Records);
        var text = File.ReadAllText(path, Encoding.UTF8);
        if (path.EndsWith(".json", StringComparison.Ordinal))
        {
            using var document = JsonDocument.Parse(text);
            var reader = ReportRegistry.Json.FirstOrDefault(r => r.Recognise(document.RootElement));
            file.Report = reader?.Report;
            reader?.Read(document.RootElement, name, sink, file.Problems);
            return file;
        }
        var input = ReportInput.FromPath(path, name).Single();
        var sniff = new ReportSniffer(new ReportRecognizer(ReportRegistry.Tabular)).Sniff(input);
        if (sniff.Layout is not { } layout)
        {
            return file;
        }
        file.Report = layout.Recognition.Reader.Report;
        file.Header = layout.Recognition.Headers.Headers;
        file.Format = layout.Format;
        TabularReportFile.Read(input, layout, sink, file.Problems);
        // The raw cells, for tests that look at what the file held (buyer data): split here, not by the core.
        var delimiter = layout.Delimiter;
        foreach (var line in text.Replace("\r\n", "\n").Split('\n').Skip(layout.HeaderLineIndex + 1).Where(l => l.Length > 0))
        {
            file.Rows.Add(Split(line, delimiter).ToArray());
        }
        return file;
    }

    /// <summary>The records, their natural keys and the problems, as the expected-file JSON.</summary>
    public JsonObject ToJson() => new()
    {
        ["report"] = Report,
        ["records"] = new JsonArray(Records.Select(RecordJson).ToArray<JsonNode?>()),
        ["problems"] = new JsonArray(Problems.Select(p => (JsonNode?)JsonValue.Create($"{p.Severity}: {p}")).ToArray()),
    };

    public static JsonObject RecordJson(DomainRecord record)
    {
        var json = (JsonObject)JsonSerializer.SerializeToNode(record, record.GetType(), Json)!;
        json.Remove("Id");
        json.Insert(0, "$record", record.GetType().Name);
        json["$key"] = record.NaturalKey();
        return json;
    }

    public static string Print(JsonNode node) => node.ToJsonString(Json);

    /// <summary>Splits a TSV line, or a CSV line with double-quoted fields ("" inside quotes is a quote).</summary>
    public static List<string> Split(string line, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }

    private sealed class ListSink(List<DomainRecord> records) : IRecordSink
    {
        public void Add(DomainRecord record) => records.Add(record);
    }
}
