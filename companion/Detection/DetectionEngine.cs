using System.Security.Cryptography;
using System.Text;
using Refully.Companion.Detection.Policies;

namespace Refully.Companion.Detection;

/// <summary>
/// The detection engine: a function of records (<see cref="DetectionInput"/>), the policy table and the
/// evaluation date. Each detector proposes candidates; the engine gives each its window from the policy
/// table, its status on asOf, its value (claims.md §4), a stable id and an explanation.
/// </summary>
public sealed class DetectionEngine(PolicyTable policies, IReadOnlyList<IDetector> detectors)
{
    /// <summary>Runs every detector. <paramref name="asOf"/> gives the evaluation date per marketplace (its own time zone's today).</summary>
    public IReadOnlyList<Finding> Run(DetectionInput input, Func<string, DateOnly> asOf)
    {
        var valuer = new Valuer(input);
        var findings = new Dictionary<string, Finding>(StringComparer.Ordinal);
        foreach (var detector in detectors)
        {
            foreach (var candidate in detector.Detect(input))
            {
                if (candidate.Units <= 0)
                {
                    continue; // claims.md §2: a finding exists only where owed units > 0
                }
                var finding = Evaluate(candidate, detector.Confidence, asOf(candidate.Marketplace), valuer);
                findings[finding.Id] = finding; // a detector that proposed the same key twice keeps the last
            }
        }
        return findings.Values.OrderBy(f => f.Deadline).ThenBy(f => f.Type).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<Finding> Run(DetectionInput input, DateOnly asOf) => Run(input, _ => asOf);

    private Finding Evaluate(Candidate c, Confidence confidence, DateOnly asOf, Valuer valuer)
    {
        var policy = policies.Find(c.Marketplace, c.Type, asOf);
        var eligibleFrom = c.ReferenceDate.AddDays(policy.WaitDays);
        var deadline = c.ReferenceDate.AddDays(policy.WindowDays);
        var status = asOf < eligibleFrom ? FindingStatus.Waiting
            : asOf > deadline ? FindingStatus.Expired
            : confidence == Confidence.High ? FindingStatus.Claimable
            : FindingStatus.NeedsReview;
        var value = valuer.Value(c);
        return new Finding(
            StableId(c), c.Type, confidence, status, c.Marketplace, value.Currency,
            c.Fnsku, c.Sku, c.Asin, c.OrderId, c.ShipmentId, c.RemovalOrderId, c.ReferenceId,
            c.Units, value.Amount, c.ReferenceDate, eligibleFrom, deadline, c.Evidence,
            Explain(c, status, eligibleFrom, deadline, policy, value));
    }

    /// <summary>The same claim keeps its id across re-scans: a hash of type, marketplace and the detector's key.</summary>
    public static string StableId(Candidate c) => StableId(c.Type, c.Marketplace, c.Key);

    public static string StableId(ClaimType type, string marketplace, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{type}|{marketplace}|{key}"));
        return $"{Prefix(type)}-{Convert.ToHexString(hash, 0, 8).ToLowerInvariant()}";
    }

    private static string Prefix(ClaimType type) => type switch
    {
        ClaimType.LostWarehouse => "lw",
        ClaimType.DamagedWarehouse => "dw",
        ClaimType.InboundShortage => "is",
        ClaimType.RefundNotReturned => "rn",
        ClaimType.ReturnDamagedNotReimbursed => "rd",
        ClaimType.RemovalShortage => "rs",
        ClaimType.ReimbursedBelowCost => "rb",
        ClaimType.DisposedWithoutRequest => "dr",
        ClaimType.FeeOvercharge => "fo",
        ClaimType.ReturnNotRestocked => "nr",
        ClaimType.WrongItemReturned => "wi",
        ClaimType.RefundExceedsCharge => "re",
        ClaimType.InboundCarrierDamaged => "cd",
        _ => "f",
    };

    /// <summary>Two sentences: the facts (with a review note where there is one), then when to claim and what it is worth.</summary>
    private static string Explain(Candidate c, FindingStatus status, DateOnly eligibleFrom, DateOnly deadline, PolicyEntry policy, Valuation value)
    {
        var facts = c.Facts.Trim().TrimEnd('.');
        if (c.Note is { Length: > 0 } note)
        {
            facts += "; " + char.ToLowerInvariant(note[0]) + note[1..].TrimEnd('.');
        }
        var when = status switch
        {
            FindingStatus.Waiting => $"Amazon may still settle it on its own, so claim it between {eligibleFrom:d MMM yyyy} and {deadline:d MMM yyyy}",
            FindingStatus.Expired => $"The window to claim it closed on {deadline:d MMM yyyy}",
            FindingStatus.NeedsReview => $"Check it before claiming, by {deadline:d MMM yyyy}",
            _ => $"Claim it by {deadline:d MMM yyyy}",
        };
        var uncertain = policy.Uncertain ? $" (Amazon's window for this in {c.Marketplace} is uncertain, so file early)" : "";
        return $"{facts}. {when}{uncertain}; {value.Explanation}.";
    }
}
