using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Refully.Companion.Hosting;
using Refully.Synthetic;

namespace Refully.Tests.EndToEnd;

/// <summary>
/// End to end over a whole synthetic seller account (scripts/Refully.Synthetic, docs/synthetic-data.md):
/// generate the reports for a seed, run `scan` in-process exactly as the command line does, and compare its
/// JSON with the generator's expected-findings.json (computed from the injected scenarios by claims.md's
/// rules, never by the companion's code).
/// </summary>
public sealed class SyntheticAccountTests
{
    public const string AsOf = "2026-11-26";

    public static TheoryData<int> Seeds => [42, 7, 2026];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryReportFileIsImportedAsItsReportWithEveryRowAndNoProblems(int seed)
    {
        var scan = Scans.Get(seed);

        scan.ExitCode.Should().Be(0, "no generated file may be rejected; scan printed:\n{0}", scan.Console);
        var expectedFiles = scan.Expected.GetProperty("files").EnumerateArray().ToList();
        var imports = scan.Output.GetProperty("imports").EnumerateArray().ToList();
        imports.Should().HaveCount(expectedFiles.Count, "scan lists every file of the reports folder once");

        var mismatches = new List<string>();
        foreach (var file in expectedFiles)
        {
            var name = Path.GetFileName(file.GetProperty("file").GetString()!);
            var import = imports.SingleOrDefault(i => Path.GetFileName(i.GetProperty("file").GetString()!.Replace('\\', '/')) == name);
            if (import.ValueKind == JsonValueKind.Undefined)
            {
                mismatches.Add($"{name}: not in the scan's imports");
                continue;
            }
            var report = Text(import, "report");
            var expectedReport = file.GetProperty("report").GetString();
            if (report != expectedReport)
            {
                mismatches.Add($"{name}: read as {report ?? "null (rejected)"}, expected {expectedReport}");
            }
            var rows = import.GetProperty("rows").GetInt64();
            var expectedRows = file.GetProperty("rows").GetInt64();
            if (rows != expectedRows)
            {
                mismatches.Add($"{name}: {rows} rows, expected {expectedRows}");
            }
            foreach (var problem in import.GetProperty("problems").EnumerateArray())
            {
                mismatches.Add($"{name}: problem: {problem.GetString()}");
            }
            var marketplace = Text(file, "marketplace");
            var marketplaces = import.GetProperty("marketplaces").EnumerateArray().Select(m => m.GetString()).ToList();
            if (marketplace is not null && !marketplaces.SequenceEqual([marketplace]))
            {
                mismatches.Add($"{name}: marketplaces [{string.Join(", ", marketplaces)}], expected [{marketplace}]");
            }
        }
        FailWith(mismatches, $"seed {seed}: every generated file is in Amazon's documented format, yet");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ScanFindsExactlyTheInjectedClaimsAndNothingFromTheDecoys(int seed)
    {
        var scan = Scans.Get(seed);
        var actual = scan.Output.GetProperty("findings").EnumerateArray().ToList();
        var expected = scan.Expected.GetProperty("findings").EnumerateArray().ToList();

        var mismatches = new List<string>();
        var matched = new HashSet<int>();
        foreach (var e in expected)
        {
            var scenario = e.GetProperty("scenario").GetString();
            var candidates = actual.Select((f, i) => (f, i)).Where(x => SameKey(e, x.f)).ToList();
            if (candidates.Count != 1)
            {
                mismatches.Add($"{scenario}: {candidates.Count} findings for {KeyText(e)}, expected 1");
                candidates.ForEach(c => matched.Add(c.i));
                continue;
            }
            var (finding, index) = candidates[0];
            matched.Add(index);
            foreach (var field in e.EnumerateObject().Where(p => p.Name != "scenario"))
            {
                var value = finding.TryGetProperty(field.Name, out var v) ? v : default;
                if (!SameValue(field.Value, value))
                {
                    mismatches.Add($"{scenario}: {field.Name} is {Show(value)}, expected {Show(field.Value)} ({KeyText(e)})");
                }
            }
        }
        foreach (var (finding, index) in actual.Select((f, i) => (f, i)))
        {
            if (!matched.Contains(index) && Text(finding, "confidence") == "High")
            {
                var decoy = scan.Expected.GetProperty("decoys").EnumerateArray().FirstOrDefault(d => SameKey(d, finding));
                var why = decoy.ValueKind == JsonValueKind.Object ? $" — decoy {decoy.GetProperty("scenario").GetString()}: {decoy.GetProperty("why").GetString()}" : "";
                mismatches.Add($"unexpected High finding {Text(finding, "type")} {Text(finding, "status")} {KeyText(finding)} " +
                    $"units {Show(finding.GetProperty("units"))} amount {Show(finding.GetProperty("amount"))}{why}: {Text(finding, "explanation")}");
            }
        }
        FailWith(mismatches, $"seed {seed}: scan must find the {expected.Count} injected claims exactly (found {actual.Count} findings) and nothing in the decoys, yet");
    }

    [Fact]
    public void TheAnswerFileCoversEveryHighTypeInEveryReachableStatusAndEveryValuationPath()
    {
        var scan = Scans.Get(42);
        var findings = scan.Expected.GetProperty("findings").EnumerateArray().ToList();

        foreach (var type in Policy.HighTypes)
        {
            var statuses = findings.Where(f => Text(f, "type") == type).Select(f => Text(f, "status")).Distinct().ToList();
            var reachable = Policy.Windows(type, Market.Us).Wait > 0 ? new[] { "Waiting", "Claimable", "Expired" } : ["Claimable", "Expired"];
            statuses.Should().Contain(reachable, "{0} is injected in every status its windows allow", type);
        }
        findings.Should().Contain(f => f.GetProperty("amount").ValueKind == JsonValueKind.Null, "one finding has no known value");
        findings.Select(f => Text(f, "marketplace")).Distinct().Should().BeEquivalentTo(["US", "UK"]);
        scan.Expected.GetProperty("decoys").GetArrayLength().Should().BeGreaterThan(20);
    }

    [Fact]
    public void TheSameSeedWritesTheSameFiles()
    {
        var first = Directory.CreateTempSubdirectory("refully-synth-a-").FullName;
        var second = Directory.CreateTempSubdirectory("refully-synth-b-").FullName;
        try
        {
            AccountGenerator.Generate(11, first, DateOnly.Parse(AsOf, CultureInfo.InvariantCulture));
            AccountGenerator.Generate(11, second, DateOnly.Parse(AsOf, CultureInfo.InvariantCulture));

            var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order().ToList();
            files.Should().NotBeEmpty();
            Directory.GetFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order().Should().Equal(files);
            foreach (var file in files)
            {
                File.ReadAllBytes(Path.Combine(second, file)).Should().Equal(File.ReadAllBytes(Path.Combine(first, file)), "{0} is deterministic", file);
            }
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    private static void FailWith(List<string> mismatches, string what)
    {
        if (mismatches.Count > 0)
        {
            Assert.Fail($"{what} {mismatches.Count} mismatch(es):\n  " + string.Join("\n  ", mismatches));
        }
    }

    // ---- matching ---------------------------------------------------------------------------------------

    /// <summary>The identity of a finding per type (claims.md §2 "key"), plus type and marketplace.</summary>
    private static string[] KeyFields(string? type) => type switch
    {
        "InboundShortage" => ["shipmentId", "fnsku"],
        "RefundNotReturned" or "ReturnDamagedNotReimbursed" => ["orderId", "sku"],
        "RemovalShortage" => ["removalOrderId", "fnsku"],
        _ => ["referenceId"],
    };

    private static bool SameKey(JsonElement expected, JsonElement finding) =>
        Text(expected, "type") == Text(finding, "type") && Text(expected, "marketplace") == Text(finding, "marketplace")
        && KeyFields(Text(expected, "type")).All(k => Text(expected, k) is { } v && v == Text(finding, k));

    private static string KeyText(JsonElement e) =>
        $"{Text(e, "type")} {Text(e, "marketplace")} " + string.Join(" ", KeyFields(Text(e, "type")).Select(k => $"{k}={Text(e, k)}"));

    private static bool SameValue(JsonElement expected, JsonElement actual) => expected.ValueKind switch
    {
        JsonValueKind.Null => actual.ValueKind is JsonValueKind.Null,
        JsonValueKind.Number => actual.ValueKind == JsonValueKind.Number && expected.GetDecimal() == actual.GetDecimal(),
        JsonValueKind.String => actual.ValueKind == JsonValueKind.String && expected.GetString() == actual.GetString(),
        _ => expected.GetRawText() == actual.GetRawText(),
    };

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Show(JsonElement e) => e.ValueKind == JsonValueKind.Undefined ? "missing" : e.GetRawText();

    // ---- one generation and one scan per seed, shared by the tests ---------------------------------------------

    private sealed record Scan(int ExitCode, JsonElement Output, JsonElement Expected, string Console);

    private static class Scans
    {
        private static readonly ConcurrentDictionary<int, Lazy<Scan>> BySeed = new();
        private static readonly Lock ConsoleLock = new();

        public static Scan Get(int seed) => BySeed.GetOrAdd(seed, s => new Lazy<Scan>(() => Run(s))).Value;

        private static Scan Run(int seed)
        {
            var dir = Directory.CreateTempSubdirectory($"refully-synth-{seed}-").FullName;
            var generated = AccountGenerator.Generate(seed, dir, DateOnly.Parse(AsOf, CultureInfo.InvariantCulture));
            var json = Path.Combine(dir, "scan.json");
            var console = new StringWriter();
            int exitCode;
            lock (ConsoleLock)
            {
                var original = System.Console.Out;
                System.Console.SetOut(console);
                try
                {
                    CommandLine.TryRunCommand(["scan", generated.ReportsFolder, "--as-of", AsOf, "--db", Path.Combine(dir, "scan.db"), "--json", json],
                        out exitCode).Should().BeTrue("`scan` is a registered command");
                }
                finally
                {
                    System.Console.SetOut(original);
                }
            }
            File.Exists(json).Should().BeTrue("scan --json writes its document; scan printed:\n{0}", console);
            using var output = JsonDocument.Parse(File.ReadAllText(json));
            using var expected = JsonDocument.Parse(File.ReadAllText(generated.ExpectedFile));
            return new Scan(exitCode, output.RootElement.Clone(), expected.RootElement.Clone(), console.ToString());
        }
    }
}
