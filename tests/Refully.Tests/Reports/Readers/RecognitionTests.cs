using System.Text.Json;
using Refully.Companion.Reports;
using Refully.Companion.Reports.Core;

namespace Refully.Tests.Reports.Readers;

/// <summary>Each fixture is claimed by exactly one reader: the first that matches, and no other reader matches it at all.</summary>
public sealed class RecognitionTests
{
    public static TheoryData<string> AllFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in FixtureCases.All())
        {
            data.Add(Path.GetRelativePath(FixtureCases.ReportsRoot, file));
        }
        return data;
    }

    [Theory, MemberData(nameof(AllFixtures))]
    public void FixtureIsClaimedByExactlyOneReader(string fixture)
    {
        var path = Path.Combine(FixtureCases.ReportsRoot, fixture);
        var folder = Path.GetFileName(Path.GetDirectoryName(path));
        var claimedBy = path.EndsWith(".json", StringComparison.Ordinal) ? JsonClaimants(path) : TabularClaimants(path);
        claimedBy.Should().Equal([folder], $"{fixture} must be recognised by its own reader only");
    }

    [Fact]
    public void EveryReportNameIsUnique()
    {
        var names = ReportRegistry.Tabular.Select(r => r.Report).Concat(ReportRegistry.Json.Select(r => r.Report)).ToList();
        names.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void EveryReaderDeclaresUniqueColumnKeys()
    {
        foreach (var reader in ReportRegistry.Tabular)
        {
            reader.Columns.Select(c => c.Key).Should().OnlyHaveUniqueItems(reader.Report);
            reader.Columns.Should().Contain(c => c.Required, $"{reader.Report} must be recognisable by some column");
        }
    }

    private static List<string> JsonClaimants(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return ReportRegistry.Json.Where(r => r.Recognise(document.RootElement)).Select(r => r.Report).ToList();
    }

    /// <summary>Readers whose required columns all match the file's header row (the first row any reader matches).</summary>
    private static List<string> TabularClaimants(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            var headers = new HeaderMap(FixtureFile.Split(line, line.Contains('\t') ? '\t' : ','));
            var matching = ReportRegistry.Tabular.Where(r => ReportRegistry.Matches(r, headers)).Select(r => r.Report).ToList();
            if (matching.Count > 0)
            {
                return matching;
            }
        }
        return [];
    }
}
