using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Refully.Companion.Domain;
using Refully.Companion.Domain.Records;
using Refully.Companion.Pages;
using Refully.Companion.Pages.Parsers;

namespace Refully.Tests.Pages;

/// <summary>The captured pages under Fixtures/Pages/&lt;Parser&gt;/&lt;case&gt;.html and what each must give (&lt;case&gt;.expected.json).</summary>
public static class PageFixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Pages");

    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    /// <summary>Every captured page the tests have: these fixtures and the end-to-end tests' pages (copied beside them).</summary>
    public static IEnumerable<object[]> AllPages() =>
        All().Concat(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "EndToEnd"), "*.html")).Select(f => new object[] { f });

    public static TheoryData<string> Of(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, folder), "*.html").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, file));
        }
        return data;
    }

    public static (ComposedDocument Page, Uri Url, JsonObject Expected) Load(string relative)
    {
        var html = Path.Combine(Root, relative);
        var expected = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(html, ".expected.json")))!.AsObject();
        return (ComposedDocument.Parse(File.ReadAllText(html)), new Uri(expected["url"]!.GetValue<string>()), expected);
    }

    public static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A record as the expected files write it: its type, natural key and fields (without Id and the derived RecordDate).</summary>
    public static JsonObject Describe(DomainRecord record)
    {
        var fields = JsonSerializer.SerializeToNode(record, record.GetType(), Json)!.AsObject();
        fields.Remove(nameof(DomainRecord.Id));
        fields.Remove(nameof(DomainRecord.RecordDate));
        return new JsonObject { ["type"] = record.GetType().Name, ["naturalKey"] = record.NaturalKey(), ["fields"] = fields };
    }

    public static JsonObject Actual(PageParse parse, Uri url) => new()
    {
        ["url"] = url.ToString(),
        ["kind"] = parse.Kind.ToString(),
        ["skippedRows"] = parse.SkippedRows,
        ["anchors"] = new JsonArray(parse.Anchors.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
        ["records"] = new JsonArray(parse.Records.Select(r => (JsonNode)Describe(r)).ToArray()),
        ["anchorOnly"] = new JsonArray(parse.AnchorOnly.Select(r => (JsonNode)Describe(r)).ToArray()),
    };

    public static PageParse Parse(string relative)
    {
        var (page, url, _) = Load(relative);
        return PageParsers.For(url, page.Document).Parse(page.Document, url, Marketplaces.FromUrl(url)?.Code);
    }
}
