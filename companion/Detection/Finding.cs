namespace Refully.Companion.Detection;

/// <summary>The claim types of docs/claims.md. Names are part of the `scan` JSON contract: never rename.</summary>
public enum ClaimType
{
    LostWarehouse,
    DamagedWarehouse,
    InboundShortage,
    RefundNotReturned,
    ReturnDamagedNotReimbursed,
    RemovalShortage,
    ReimbursedBelowCost,
    DisposedWithoutRequest,
    FeeOvercharge,
    ReturnNotRestocked,
    WrongItemReturned,
    RefundExceedsCharge,
    InboundCarrierDamaged,
}

public enum Confidence
{
    /// <summary>Exact arithmetic over the reports: must be found, never wrong.</summary>
    High,

    /// <summary>A candidate that needs a person's judgement before it is claimed.</summary>
    Review,
}

/// <summary>
/// Waiting / Claimable / Expired come from dates and the policy table; NeedsReview is a Review-confidence
/// finding inside its window that no person has confirmed yet. Filed, Reimbursed, Denied and Dismissed are
/// lifecycle statuses set by the seller or by tracking and are never lost or recomputed by a re-scan.
/// </summary>
public enum FindingStatus
{
    Waiting,
    Claimable,
    Expired,
    NeedsReview,
    Filed,
    Reimbursed,
    Denied,
    Dismissed,
}

/// <summary>One fact behind a finding: a ledger row, a reimbursement, a refund, a return …</summary>
public sealed record Evidence(string Source, DateOnly Date, string? ReferenceId, int Quantity, string Note);

/// <summary>
/// What a detector reports for one key, before the engine applies policy windows, status and money.
/// Identity fields that do not apply stay null.
/// </summary>
public sealed class Candidate
{
    public required ClaimType Type { get; init; }
    public required string Marketplace { get; init; }

    /// <summary>What makes this candidate unique within its type and marketplace (e.g. the transaction item id, or order id + SKU). Drives the stable finding id.</summary>
    public required string Key { get; init; }

    public string? Fnsku { get; init; }
    public string? Sku { get; init; }
    public string? Asin { get; init; }
    public string? OrderId { get; init; }
    public string? ShipmentId { get; init; }
    public string? RemovalOrderId { get; init; }
    public string? ReferenceId { get; init; }

    /// <summary>Owed units; always &gt; 0 (a detector emits nothing otherwise).</summary>
    public required int Units { get; init; }

    /// <summary>The date windows count from (claims.md §2 "reference date").</summary>
    public required DateOnly ReferenceDate { get; init; }

    public required IReadOnlyList<Evidence> Evidence { get; init; }

    /// <summary>One sentence of facts a seller understands ("3 units of X00… were recorded lost on 1 Sep; 1 was found and none reimbursed.").</summary>
    public required string Facts { get; init; }

    /// <summary>For post-order types: refunded principal per unit of that order line, when known (claims.md §4 step 1).</summary>
    public decimal? RefundedPrincipalPerUnit { get; init; }

    /// <summary>The currency of <see cref="RefundedPrincipalPerUnit"/> or <see cref="FixedAmount"/>.</summary>
    public string? Currency { get; init; }

    /// <summary>An amount computed by the detector itself (ReimbursedBelowCost: the shortfall), bypassing unit valuation.</summary>
    public decimal? FixedAmount { get; init; }

    /// <summary>Extra sentence for the explanation (e.g. why it needs review).</summary>
    public string? Note { get; init; }
}

/// <summary>A finding as the engine produces it (and `scan --json` writes it, claims.md §5).</summary>
public sealed record Finding(
    string Id,
    ClaimType Type,
    Confidence Confidence,
    FindingStatus Status,
    string Marketplace,
    string? Currency,
    string? Fnsku,
    string? Sku,
    string? Asin,
    string? OrderId,
    string? ShipmentId,
    string? RemovalOrderId,
    string? ReferenceId,
    int Units,
    decimal? Amount,
    DateOnly ReferenceDate,
    DateOnly EligibleFrom,
    DateOnly Deadline,
    IReadOnlyList<Evidence> Evidence,
    string Explanation);
