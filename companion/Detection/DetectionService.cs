using Microsoft.Extensions.Options;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Domain;
using Refully.Companion.Domain.Records;
using Refully.Companion.Hosting;
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

    public DetectionInput LoadInput() => new()
    {
        Ledger = records.All<LedgerEvent>(),
        Reimbursements = records.All<Reimbursement>(),
        Returns = records.All<CustomerReturn>(),
        Replacements = records.All<Replacement>(),
        Transactions = records.All<Transaction>(),
        InboundShipments = records.All<InboundShipment>(),
        InboundItems = records.All<InboundShipmentItem>(),
        Removals = records.All<RemovalOrderLine>(),
        Fees = records.All<FeeEstimate>(),
        Costs = records.All<UnitCost>(),
    };

    /// <summary>Detects at <paramref name="asOf"/>, or at today in each marketplace's own time zone.</summary>
    public IReadOnlyList<FindingDocument> Run(DateOnly? asOf, string source)
    {
        lock (_gate)
        {
            var input = LoadInput();
            var computed = engine.Run(input, asOf is { } fixedDate ? _ => fixedDate : Today);
            return FollowUp(input, source, findings.Sync(computed, source));
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
