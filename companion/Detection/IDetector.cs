namespace Refully.Companion.Detection;

/// <summary>
/// One claim type's rules (claims.md §2/§3): a pure function of the records in <see cref="DetectionInput"/>.
/// It returns candidates with owed units &gt; 0; the engine applies windows, status, valuation and ids.
/// </summary>
public interface IDetector
{
    ClaimType Type { get; }

    Confidence Confidence { get; }

    IEnumerable<Candidate> Detect(DetectionInput input);
}
