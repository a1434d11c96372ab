using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Refully.Companion.Claims;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Domain.Records;
using Refully.Companion.Storage;
using Refully.Tests.Detection.Engine;

namespace Refully.Tests.Claims;

/// <summary>
/// An in-memory store with findings made by the real engine (stub detectors), a fake clock at
/// 2026-11-26 09:00 UTC, and the drafter and tracker over them.
/// </summary>
internal sealed class ClaimWorld : IDisposable
{
    public static readonly DateOnly AsOf = new(2026, 11, 20);

    public ClaimWorld(ClaimOptions? options = null)
    {
        Options = options ?? new ClaimOptions();
        Findings = new FindingStore(Db, Time);
        Records = new RecordStore(Db);
        Drafter = new ClaimDrafter(Findings, PolicyTable.Defaults(), Microsoft.Extensions.Options.Options.Create(Options), Time);
        Tracker = new ClaimTracker(Findings, Records, Drafter, Microsoft.Extensions.Options.Options.Create(Options), Time);
    }

    public CompanionDatabase Db { get; } = CompanionDatabase.InMemory();
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    public ClaimOptions Options { get; }
    public FindingStore Findings { get; }
    public RecordStore Records { get; }
    public ClaimDrafter Drafter { get; }
    public ClaimTracker Tracker { get; }

    public void Dispose() => Db.Dispose();

    private static readonly HashSet<ClaimType> ReviewTypes =
    [
        ClaimType.DisposedWithoutRequest, ClaimType.FeeOvercharge, ClaimType.ReturnNotRestocked,
        ClaimType.WrongItemReturned, ClaimType.RefundExceedsCharge, ClaimType.InboundCarrierDamaged,
    ];

    /// <summary>
    /// Runs the engine over these candidates at <see cref="AsOf"/> (unit cost 8.70 for every SKU; Review types with
    /// Review confidence, as claims.md §3) and stores the findings, replacing what an earlier scan found.
    /// </summary>
    public IReadOnlyList<FindingDocument> Seed(params Candidate[] candidates)
    {
        var detectors = candidates.GroupBy(c => c.Type)
            .Select(g => (IDetector)new StubDetector(g.Key, ReviewTypes.Contains(g.Key) ? Confidence.Review : Confidence.High, g.ToArray())).ToList();
        var costs = candidates.Where(c => c.Sku is not null).Select(c => c.Sku!).Distinct()
            .SelectMany(sku => new[] { "USD", "EUR", "GBP", "JPY" }.Select(cur => new UnitCost { Sku = sku, Cost = cur == "JPY" ? 900 : 8.70m, Currency = cur }))
            .ToList();
        var computed = new DetectionEngine(PolicyTable.Defaults(), detectors).Run(new DetectionInput { Costs = costs }, AsOf);
        return Findings.Sync(computed, "test");
    }

    /// <summary>A candidate that is Claimable at <see cref="AsOf"/> unless <paramref name="reference"/> says otherwise.</summary>
    public static Candidate C(ClaimType type, string key, string marketplace = "US", int units = 2, DateOnly? reference = null,
        string? fnsku = "X00AAA0001", string? sku = "SKU-1", string? orderId = null, string? shipmentId = null, string? removalOrderId = null,
        string? referenceId = null, int evidenceRows = 1, decimal? fixedAmount = null, string? currency = null)
    {
        var wait = PolicyTable.Defaults().Find(marketplace, type, AsOf).WaitDays;
        var date = reference ?? AsOf.AddDays(-wait - 1);
        return new Candidate
        {
            Type = type,
            Marketplace = marketplace,
            Key = key,
            Fnsku = fnsku,
            Sku = sku,
            OrderId = orderId,
            ShipmentId = shipmentId,
            RemovalOrderId = removalOrderId,
            ReferenceId = referenceId,
            Units = units,
            ReferenceDate = date,
            Evidence = Enumerable.Range(0, evidenceRows)
                .Select(i => new Evidence("ledger", date.AddDays(-i), $"{referenceId ?? "7000"}{i:D3}", -1, "M misplaced in FC"))
                .ToList(),
            Facts = $"{units} units were recorded lost",
            FixedAmount = fixedAmount,
            Currency = currency,
        };
    }

    public static Reimbursement Paid(string id, DateTimeOffset approved, int units, decimal amount, string? caseId = null, string reason = "Lost_Warehouse",
        string? fnsku = "X00AAA0001", string? orderId = null, string? original = null) => new()
    {
        Id = $"{id}|{fnsku}|{reason}",
        Marketplace = "US",
        ReimbursementId = id,
        ApprovalDate = approved,
        CaseId = caseId,
        AmazonOrderId = orderId,
        Reason = reason,
        Fnsku = fnsku,
        Currency = "USD",
        AmountTotal = amount,
        AmountPerUnit = units == 0 ? null : amount / units,
        QuantityReimbursedCash = units,
        QuantityReimbursedTotal = units,
        OriginalReimbursementId = original,
    };

    public static CaseRecord Case(string caseId, string status, DateOnly? lastActivity = null) => new()
    {
        Id = caseId,
        CaseId = caseId,
        Status = status,
        Subject = "Reimbursement request",
        LastActivity = lastActivity,
    };
}
