using System.Text.Json.Nodes;
using Refully.Companion.Reports.Core;

namespace Refully.Tests.Reports.Readers;

/// <summary>The fixture cases: every input file under Fixtures/Reports/&lt;Report&gt;/ with its &lt;case&gt;.expected.json.</summary>
public static class FixtureCases
{
    public static readonly string ReportsRoot = Path.Combine(FixtureFile.Root, "Reports");

    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(ReportsRoot, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Relative paths ("Reimbursements/na-region.tsv") of one report's cases.</summary>
    public static TheoryData<string> For(string report)
    {
        var data = new TheoryData<string>();
        foreach (var file in All().Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == report))
        {
            data.Add(Path.GetRelativePath(ReportsRoot, file));
        }
        return data;
    }

    public static string ExpectedPath(string input) =>
        Path.Combine(Path.GetDirectoryName(input)!, Path.GetFileNameWithoutExtension(input) + ".expected.json");

    /// <summary>The value format a case expects the core to detect ("format": {"decimalComma": true, "dayFirst": true}).</summary>
    public static ReportValueFormat Format(JsonNode expected)
    {
        var format = expected["format"];
        return format is null
            ? ReportValueFormat.Default
            : new ReportValueFormat
            {
                DecimalComma = format["decimalComma"]?.GetValue<bool>() ?? false,
                DayFirst = format["dayFirst"]?.GetValue<bool>() ?? false,
            };
    }

    /// <summary>Reads a case and checks it against its expected file: report, records (with natural keys) and problems.</summary>
    public static void Check(string relative)
    {
        var input = Path.Combine(ReportsRoot, relative);
        var expectedPath = ExpectedPath(input);
        File.Exists(expectedPath).Should().BeTrue($"{relative} needs {Path.GetFileName(expectedPath)}");
        var expected = JsonNode.Parse(File.ReadAllText(expectedPath))!;
        var file = FixtureFile.Read(input);
        if (expected["format"] is not null)
        {
            file.Format.Should().BeEquivalentTo(Format(expected), o => o.Including(f => f.DecimalComma).Including(f => f.DayFirst), $"{relative}: the core must detect the value format");
        }
        var actual = file.ToJson();
        var dump = Environment.GetEnvironmentVariable("REFULLY_FIXTURE_DUMP");
        if (dump is not null)
        {
            var target = Path.Combine(dump, Path.ChangeExtension(relative, ".actual.json"));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, FixtureFile.Print(actual));
        }
        actual["report"]!.GetValue<string>().Should().Be(Path.GetFileName(Path.GetDirectoryName(input)));
        foreach (var part in new[] { "report", "records", "problems" })
        {
            JsonNode.DeepEquals(actual[part], expected[part]).Should().BeTrue(
                $"{relative}: {part} differ.\nExpected:\n{FixtureFile.Print(expected[part] ?? new JsonArray())}\nActual:\n{FixtureFile.Print(actual[part]!)}");
        }
    }
}
