using System.Diagnostics;
using Refully.Bench;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Detectors;
using Refully.Companion.Detection.Policies;

// detect [LEDGER_EVENTS] [ORDERS] [--mix stress|realistic] [--per-detector]: builds seeded records in memory and
// times DetectionEngine.Run over them (docs/detection.md, "Performance", describes both mixes).
var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--mix")).ToArray();
var mixAt = Array.IndexOf(args, "--mix");
var mixName = mixAt >= 0 && mixAt + 1 < args.Length ? args[mixAt + 1] : "stress";
if (positional.Length == 0 || positional[0] != "detect" || !Enum.TryParse<BenchMix>(mixName, ignoreCase: true, out var mix))
{
    Console.Error.WriteLine("usage: Refully.Bench detect [LEDGER_EVENTS=1000000] [ORDERS=100000] [--mix stress|realistic] [--per-detector]");
    return 2;
}
var ledgerEvents = positional.Length > 1 ? int.Parse(positional[1]) : 1_000_000;
var orders = positional.Length > 2 ? int.Parse(positional[2]) : 100_000;
var started = Stopwatch.GetTimestamp();
var input = DetectionBenchData.Generate(ledgerEvents, orders, seed: 20261126, mix);
var built = Stopwatch.GetElapsedTime(started);
Console.WriteLine($"mix:         {mix.ToString().ToLowerInvariant()}");
Console.WriteLine($"records:     {input.Ledger.Count:N0} ledger events, {input.Reimbursements.Count:N0} reimbursements, "
    + $"{input.Transactions.Count:N0} transactions, {input.Returns.Count:N0} returns, {input.InboundItems.Count:N0} inbound items "
    + $"(built in {built.TotalSeconds:0.00} s)");
var engine = new DetectionEngine(PolicyTable.Defaults(), DetectorRegistry.All);
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var gcs = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
var gen2 = GC.CollectionCount(2);
var allocated = GC.GetTotalAllocatedBytes(precise: true);
started = Stopwatch.GetTimestamp();
var findings = engine.Run(input, new DateOnly(2026, 1, 1));
var took = Stopwatch.GetElapsedTime(started);
cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
Console.WriteLine($"detection:   {took.TotalSeconds:0.00} s, {findings.Count:N0} findings, fingerprint {Fingerprint(findings)}");
Console.WriteLine($"cpu:         {cpu.TotalSeconds:0.00} s on {Environment.ProcessorCount} cores; "
    + $"{GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - gcs} GCs ({GC.CollectionCount(2) - gen2} gen 2), "
    + $"{allocated / (1024 * 1024):N0} MB allocated");
foreach (var type in findings.GroupBy(f => f.Type).OrderBy(g => g.Key))
{
    Console.WriteLine($"  {type.Key,-28} {type.Count(),8:N0}");
}
if (args.Contains("--per-detector"))
{
    // On a fresh input: the shared indexes one by one, then each detector alone (findings evaluated as the engine does).
    var fresh = DetectionBenchData.Generate(ledgerEvents, orders, seed: 20261126, mix);
    Console.WriteLine("shared indexes:");
    foreach (var (name, build) in new (string, Action)[]
             {
                 ("Catalog", () => _ = fresh.Catalog), ("Marketplaces", () => _ = fresh.Marketplaces),
                 ("Refunds", () => _ = fresh.Refunds), ("Reimbursed", () => _ = fresh.Reimbursed),
             })
    {
        started = Stopwatch.GetTimestamp();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        build();
        Console.WriteLine($"  {name,-28} {Stopwatch.GetElapsedTime(started).TotalSeconds,6:0.00} s {(GC.GetTotalAllocatedBytes(precise: true) - before) / (1024 * 1024),6:N0} MB");
    }
    Console.WriteLine("detectors (with valuation, ids and explanations):");
    foreach (var detector in DetectorRegistry.All)
    {
        started = Stopwatch.GetTimestamp();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var count = new DetectionEngine(PolicyTable.Defaults(), [detector]).Run(fresh, new DateOnly(2026, 1, 1)).Count;
        Console.WriteLine($"  {detector.Type,-28} {Stopwatch.GetElapsedTime(started).TotalSeconds,6:0.00} s {(GC.GetTotalAllocatedBytes(precise: true) - before) / (1024 * 1024),6:N0} MB {count,8:N0}");
    }
}
return 0;

// SHA-256 over every field of every finding, in the engine's order: equal before and after a change means identical output.
static string Fingerprint(IReadOnlyList<Finding> findings)
{
    using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
    var text = new System.Text.StringBuilder();
    foreach (var f in findings)
    {
        text.Clear();
        text.Append(f with { Evidence = [] }).Append('\n');
        foreach (var e in f.Evidence)
        {
            text.Append(e).Append('\n');
        }
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
    }
    return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
}
