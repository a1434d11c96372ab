using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Detectors;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Hosting;
using Refully.Companion.Reports.Core;
using Refully.Companion.Storage;

namespace Refully.Companion.Reports.Import;

/// <summary>
/// <c>scan PATH... [--as-of YYYY-MM-DD] [--db FILE] [--json FILE]</c>: imports every report file under the paths
/// (folders recursively, zip entries one by one), prints per file what it was read as, rows, marketplaces, date
/// range and problems, and with --json writes the scan document of claims.md §5. Exit code 1 when a file was rejected.
/// </summary>
public static class ScanCommand
{
    public const string Usage = "usage: scan PATH... [--as-of YYYY-MM-DD] [--db FILE] [--json FILE]";

    public static int Run(string[] args) => Run(args, Console.Out, Console.Error, TimeProvider.System);

    public static int Run(string[] args, TextWriter output, TextWriter errors, TimeProvider time)
    {
        if (!ScanArguments.TryParse(args, out var arguments, out var usageError))
        {
            errors.WriteLine(usageError);
            errors.WriteLine(Usage);
            return 2;
        }
        var options = CommandLine.LoadOptions(arguments.Db is null ? [] : ["--db", arguments.Db]);
        var asOf = arguments.AsOf ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        using var db = new CompanionDatabase(options.ResolveDbPath());
        var store = new RecordStore(db);
        // What this scan's files store is handed to detection from memory instead of being read back (docs/performance.md).
        var imported = new ImportedRecords(store);
        var importer = new ReportImporter(store, ReportReaders.Registry, LoadReportOptions(), imported);
        output.WriteLine($"Data file: {db.Path}");

        var timings = PhaseTimings.FromEnvironment(errors);
        var imports = new List<FileImport>();
        foreach (var path in arguments.Paths)
        {
            foreach (var result in ImportPath(importer, path))
            {
                imports.Add(result);
                ScanOutput.Write(output, result);
            }
        }
        timings.Phase?.Invoke("import");
        var rejected = imports.Count(i => i.Rejected);
        output.WriteLine($"{imports.Count} file(s): {imports.Count - rejected} imported, {rejected} rejected.");
        // Detection over everything stored (this scan's files and earlier ones); lifecycle statuses are kept.
        var policies = PolicyTable.Load(new DetectionOptions().ResolvePolicyFile(options));
        var detection = new DetectionService(store, new FindingStore(db, time), new DetectionEngine(policies, DetectorRegistry.All), time);
        var findings = detection.Run(asOf, "scan", imported, timings.Phase);
        FindingSummary.Write(output, findings, asOf);
        if (arguments.Json is not null)
        {
            var document = new ScanResultDto(asOf, imports.Select(i => i.ToDto()).ToList(), findings.Select(f => f.ToDto()).ToList());
            // Streamed to the file (the whole document as one string was the scan's peak: 460-476 MB on the 1M-row
            // bench ledger); written beside it first, so an existing file is replaced only by a complete one.
            var partial = arguments.Json + ".partial";
            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                JsonSerializer.Serialize(stream, document, ScanResultDto.JsonOptions);
            }
            File.Move(partial, arguments.Json, overwrite: true);
        }
        return rejected > 0 ? 1 : 0;
    }

    /// <summary>The imports of one command-line path, in order; a path that cannot be opened gives one rejected entry.</summary>
    internal static IEnumerable<FileImport> ImportPath(ReportImporter importer, string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            yield return FileImport.Reject(path, $"{path}: no such file or folder");
            yield break;
        }
        List<ReportInput> inputs = [];
        string? failure = null;
        try
        {
            inputs = ReportInput.FromPath(path).ToList();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            failure = $"{path}: the file could not be opened: {ex.Message}";
        }
        if (failure is not null)
        {
            yield return FileImport.Reject(path, failure);
        }
        foreach (var input in inputs)
        {
            yield return importer.Import(input);
        }
    }

    private static ReportOptions LoadReportOptions() => new();
}

/// <summary>
/// With REFULLY_TIMINGS=1, `scan` writes each phase's time, the CPU time the process used in it (all threads) and the
/// memory at its end to stderr (scripts/bench),
/// with the bytes allocated so far, the collections of each generation and the time the GC paused the process;
/// otherwise <see cref="Phase"/> is null and nothing is measured.
/// </summary>
internal sealed class PhaseTimings
{
    private long _last = System.Diagnostics.Stopwatch.GetTimestamp();
    private TimeSpan _lastCpu = Environment.CpuUsage.TotalTime;

    private PhaseTimings(TextWriter errors) => Phase = name =>
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(_last, now);
        _last = now;
        var cpu = Environment.CpuUsage.TotalTime;
        var phaseCpu = cpu - _lastCpu;
        _lastCpu = cpu;
        var gc = GC.GetGCMemoryInfo();
        errors.WriteLine(FormattableString.Invariant(
            $"phase {name,-15} {elapsed.TotalSeconds,6:F2} s   cpu {phaseCpu.TotalSeconds,5:F2} s   heap {GC.GetTotalMemory(false) >> 20,4} MB   working set {Environment.WorkingSet >> 20,4} MB   heap after last GC {gc.HeapSizeBytes >> 20,4} MB   allocated {GC.GetTotalAllocatedBytes() >> 20,5} MB   GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}   paused {GC.GetTotalPauseDuration().TotalSeconds:F2} s"));
    };

    private PhaseTimings() { }

    public Action<string>? Phase { get; }

    public static PhaseTimings FromEnvironment(TextWriter errors) =>
        Environment.GetEnvironmentVariable("REFULLY_TIMINGS") == "1" ? new PhaseTimings(errors) : new PhaseTimings();
}

/// <summary>The arguments of `scan`.</summary>
public sealed record ScanArguments(IReadOnlyList<string> Paths, DateOnly? AsOf, string? Db, string? Json)
{
    public static bool TryParse(string[] args, out ScanArguments result, out string error)
    {
        var paths = new List<string>();
        DateOnly? asOf = null;
        string? db = null, json = null;
        result = new([], null, null, null);
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--as-of" or "--db" or "--json")
            {
                if (i + 1 >= args.Length)
                {
                    error = $"{arg} needs a value.";
                    return false;
                }
                var value = args[++i];
                if (arg == "--as-of")
                {
                    if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        error = $"--as-of '{value}' is not a date written YYYY-MM-DD.";
                        return false;
                    }
                    asOf = date;
                }
                else if (arg == "--db")
                {
                    db = value;
                }
                else
                {
                    json = value;
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unknown option {arg}.";
                return false;
            }
            else
            {
                paths.Add(arg);
            }
        }
        if (paths.Count == 0)
        {
            error = "scan needs at least one file or folder.";
            return false;
        }
        result = new(paths, asOf, db, json);
        return true;
    }
}
