using Refully.Companion.Detection;
using Refully.Companion.Detection.Policies;

namespace Refully.EndToEnd.Infrastructure;

/// <summary>
/// A detector the test companion runs beside the real ones: it proposes the candidates a test gives it, so
/// every detection run (the test's own, and the one a captured page triggers) finds the same seeded findings,
/// with the engine's real ids, windows, statuses, amounts and explanations.
/// </summary>
public sealed class SeededDetector(Confidence confidence) : IDetector
{
    private volatile Candidate[] _candidates = [];

    public ClaimType Type => ClaimType.LostWarehouse;

    public Confidence Confidence => confidence;

    public IEnumerable<Candidate> Detect(DetectionInput input) => _candidates;

    public void Set(IEnumerable<Candidate> candidates) => _candidates = candidates.ToArray();
}

/// <summary>One finding to seed, as a test describes it: what, where it shows on the page, and when it is due.</summary>
public sealed record Seed(
    string Key,
    ClaimType Type,
    int Units,
    int DaysToDeadline,
    decimal? Amount = null,
    string? ReferenceId = null,
    string? OrderId = null,
    string? Fnsku = null,
    Confidence Confidence = Confidence.High)
{
    /// <summary>The candidate whose reference date puts the finding's deadline <see cref="DaysToDeadline"/> days after today (US policy windows).</summary>
    public Candidate ToCandidate(DateOnly today)
    {
        var window = PolicyTable.Defaults().Find("US", Type, today).WindowDays;
        var reference = today.AddDays(DaysToDeadline - window);
        return new Candidate
        {
            Type = Type,
            Marketplace = "US",
            Key = Key,
            Fnsku = Fnsku,
            OrderId = OrderId,
            ReferenceId = ReferenceId,
            Units = Units,
            ReferenceDate = reference,
            Evidence = [new Evidence("ledger", reference, ReferenceId, -Units, $"seeded {Key}")],
            Facts = $"{Units} units of {Fnsku ?? OrderId ?? ReferenceId} were recorded lost ({Key})",
            FixedAmount = Amount,
            Currency = Amount is null ? null : "USD",
        };
    }
}
