using System.Diagnostics;
using Refully.Bench;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Detectors;
using Refully.Companion.Detection.Policies;

// detect [LEDGER_EVENTS] [ORDERS]: builds seeded records in memory and times DetectionEngine.Run over them.
if (args.Length == 0 || args[0] != "detect")
{
    Console.Error.WriteLine("usage: Refully.Bench detect [LEDGER_EVENTS=1000000] [ORDERS=100000]");
    return 2;
}
var ledgerEvents = args.Length > 1 ? int.Parse(args[1]) : 1_000_000;
var orders = args.Length > 2 ? int.Parse(args[2]) : 100_000;
var started = Stopwatch.GetTimestamp();
var input = DetectionBenchData.Generate(ledgerEvents, orders, seed: 20261126);
var built = Stopwatch.GetElapsedTime(started);
Console.WriteLine($"records:     {input.Ledger.Count:N0} ledger events, {input.Reimbursements.Count:N0} reimbursements, "
    + $"{input.Transactions.Count:N0} transactions, {input.Returns.Count:N0} returns, {input.InboundItems.Count:N0} inbound items "
    + $"(built in {built.TotalSeconds:0.00} s)");
var engine = new DetectionEngine(PolicyTable.Defaults(), DetectorRegistry.All);
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var gcs = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
var gen2 = GC.CollectionCount(2);
started = Stopwatch.GetTimestamp();
var findings = engine.Run(input, new DateOnly(2026, 1, 1));
var took = Stopwatch.GetElapsedTime(started);
cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
Console.WriteLine($"detection:   {took.TotalSeconds:0.00} s, {findings.Count:N0} findings, fingerprint {Fingerprint(findings)}");
Console.WriteLine($"cpu:         {cpu.TotalSeconds:0.00} s on {Environment.ProcessorCount} cores; "
    + $"{GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - gcs} GCs ({GC.CollectionCount(2) - gen2} gen 2)");
foreach (var type in findings.GroupBy(f => f.Type).OrderBy(g => g.Key))
{
    Console.WriteLine($"  {type.Key,-28} {type.Count(),8:N0}");
}
if (args.Contains("--per-detector"))
{
    // On a fresh input: the shared indexes one by one, then each detector alone (findings evaluated as the engine does).
    var fresh = DetectionBenchData.Generate(ledgerEvents, orders, seed: 20261126);
    Console.WriteLine("shared indexes:");
    foreach (var (name, build) in new (string, Action)[]
             {
                 ("Catalog", () => _ = fresh.Catalog), ("Marketplaces", () => _ = fresh.Marketplaces),
                 ("Refunds", () => _ = fresh.Refunds), ("Reimbursed", () => _ = fresh.Reimbursed),
             })
    {
        started = Stopwatch.GetTimestamp();
        build();
        Console.WriteLine($"  {name,-28} {Stopwatch.GetElapsedTime(started).TotalSeconds,6:0.00} s");
    }
    Console.WriteLine("detectors (with valuation, ids and explanations):");
    foreach (var detector in DetectorRegistry.All)
    {
        started = Stopwatch.GetTimestamp();
        var count = new DetectionEngine(PolicyTable.Defaults(), [detector]).Run(fresh, new DateOnly(2026, 1, 1)).Count;
        Console.WriteLine($"  {detector.Type,-28} {Stopwatch.GetElapsedTime(started).TotalSeconds,6:0.00} s {count,8:N0}");
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
