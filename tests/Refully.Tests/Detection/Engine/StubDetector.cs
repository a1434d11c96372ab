using Refully.Companion.Detection;

namespace Refully.Tests.Detection.Engine;

/// <summary>A detector that returns the candidates it is given, to test the engine apart from the rules.</summary>
internal sealed class StubDetector(ClaimType type, Confidence confidence, params Candidate[] candidates) : IDetector
{
    public ClaimType Type => type;

    public Confidence Confidence => confidence;

    public IEnumerable<Candidate> Detect(DetectionInput input) => candidates;

    public static Candidate Candidate(ClaimType type = ClaimType.LostWarehouse, string marketplace = "US", string key = "k1",
        int units = 2, DateOnly? reference = null, string? fnsku = "X00AAA0001", string? sku = "SKU-1",
        decimal? refunded = null, decimal? fixedAmount = null, string? currency = null, string? note = null) => new()
    {
        Type = type,
        Marketplace = marketplace,
        Key = key,
        Fnsku = fnsku,
        Sku = sku,
        Units = units,
        ReferenceDate = reference ?? new DateOnly(2026, 9, 1),
        Evidence = [new Evidence("ledger", reference ?? new DateOnly(2026, 9, 1), "123", -units, "M misplaced")],
        Facts = $"{units} units were recorded lost",
        RefundedPrincipalPerUnit = refunded,
        FixedAmount = fixedAmount,
        Currency = currency,
        Note = note,
    };
}
