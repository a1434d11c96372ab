using Microsoft.Extensions.Options;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Domain;
using Refully.Companion.Domain.Records;
using Refully.Companion.Hosting;
using Refully.Companion.Reports.Import;
using Refully.Companion.Storage;

namespace Refully.Companion.Detection;

/// <summary>
/// Runs detection over everything stored and merges the result into the finding store. This is the one
/// place that reads records for detection; the engine itself never touches the store.
/// </summary>
public sealed class DetectionService(RecordStore records, FindingStore findings, DetectionEngine engine, TimeProvider time,
    IEnumerable<IDetectionFollowUp>? followUps = null)
{
    private readonly Lock _gate = new();

    public DetectionInput LoadInput() => LoadInput(null);

    /// <summary>The input, taking the records a scan just imported from memory where they are all there is of their type.</summary>
    internal DetectionInput LoadInput(ImportedRecords? imported) => new()
    {
        Ledger = imported?.Get<LedgerEvent>() ?? records.All<LedgerEvent>(),
        Reimbursements = imported?.Get<Reimbursement>() ?? records.All<Reimbursement>(),
        Returns = imported?.Get<CustomerReturn>() ?? records.All<CustomerReturn>(),
        Replacements = imported?.Get<Replacement>() ?? records.All<Replacement>(),
        Transactions = imported?.Get<Transaction>() ?? records.All<Transaction>(),
        InboundShipments = imported?.Get<InboundShipment>() ?? records.All<InboundShipment>(),
        InboundItems = imported?.Get<InboundShipmentItem>() ?? records.All<InboundShipmentItem>(),
        Removals = imported?.Get<RemovalOrderLine>() ?? records.All<RemovalOrderLine>(),
        Fees = imported?.Get<FeeEstimate>() ?? records.All<FeeEstimate>(),
        Costs = imported?.Get<UnitCost>() ?? records.All<UnitCost>(),
    };

    /// <summary>Detects at <paramref name="asOf"/>, or at today in each marketplace's own time zone.</summary>
    public IReadOnlyList<FindingDocument> Run(DateOnly? asOf, string source) => Run(asOf, source, null, null);

    /// <summary>
    /// As <see cref="Run(DateOnly?, string)"/>, with the records a scan just imported (<see cref="LoadInput(ImportedRecords?)"/>)
    /// and reporting the time of each phase (loading, engine, storing findings).
    /// </summary>
    internal IReadOnlyList<FindingDocument> Run(DateOnly? asOf, string source, ImportedRecords? imported, Action<string>? phase)
    {
        lock (_gate)
        {
            var input = LoadInput(imported);
            phase?.Invoke("load records");
            var computed = engine.Run(input, asOf is { } fixedDate ? _ => fixedDate : Today);
            phase?.Invoke("engine");
            var synced = findings.Sync(computed, source);
            phase?.Invoke("store findings");
            return FollowUp(input, source, synced);
        }
    }

    /// <summary>Runs what follows detection (claim tracking); the findings are read again when anything ran.</summary>
    private IReadOnlyList<FindingDocument> FollowUp(DetectionInput input, string source, IReadOnlyList<FindingDocument> synced)
    {
        var ran = false;
        foreach (var followUp in followUps ?? [])
        {
            followUp.AfterDetection(input, source);
            ran = true;
        }
        return ran ? findings.Query(new FindingQuery()) : synced;
    }

    /// <summary>Today's date in the marketplace's time zone (claims.md §1 "asOf").</summary>
    public DateOnly Today(string marketplace)
    {
        var zone = Marketplaces.FromCode(marketplace)?.TimeZone ?? "UTC";
        var tz = TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), tz).DateTime);
    }
}

/// <summary>Where the user's policy file lives (default: policies.json beside the data file).</summary>
public sealed class DetectionOptions
{
    public string PolicyFile { get; set; } = "";

    public string ResolvePolicyFile(CompanionOptions companion) =>
        string.IsNullOrWhiteSpace(PolicyFile)
            ? Path.Combine(Path.GetDirectoryName(companion.ResolveDbPath()) ?? ".", "policies.json")
            : Path.GetFullPath(PolicyFile);
}

public static class DetectionServiceCollectionExtensions
{
    public static IServiceCollection AddDetection(this IServiceCollection services, Func<IReadOnlyList<IDetector>> detectors)
    {
        services.AddOptions<DetectionOptions>().BindConfiguration("Detection");
        services.AddSingleton(sp => PolicyTable.Load(sp.GetRequiredService<IOptions<DetectionOptions>>().Value
            .ResolvePolicyFile(sp.GetRequiredService<IOptions<CompanionOptions>>().Value)));
        services.AddSingleton(sp => new DetectionEngine(sp.GetRequiredService<PolicyTable>(), detectors()));
        services.AddSingleton<FindingStore>();
        services.AddSingleton<DetectionService>();
        return services;
    }
}
