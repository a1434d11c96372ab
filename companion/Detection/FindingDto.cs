using Refully.Companion.Storage;

namespace Refully.Companion.Detection;

public sealed record EvidenceDto(string Source, DateOnly Date, string? ReferenceId, int Quantity, string Note);

/// <summary>A finding on the wire: exactly the fields of claims.md §5 (`scan --json`, `GET /api/findings`).</summary>
public sealed record FindingDto(
    string Id,
    string Type,
    string Confidence,
    string Status,
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
    DateOnly EligibleFrom,
    DateOnly Deadline,
    IReadOnlyList<EvidenceDto> Evidence,
    string Explanation);

public sealed record StatusChangeDto(DateTime At, string Status, string Source, string? Note);

/// <summary>One finding with its lifecycle: case, recovered amount, dismissal reason and the audit trail.</summary>
public sealed record FindingDetailDto(
    FindingDto Finding,
    DateOnly ReferenceDate,
    string? CaseId,
    decimal? AmountRecovered,
    string? DismissReason,
    bool Detected,
    DateTime FirstSeenAt,
    DateTime LastSeenAt,
    IReadOnlyList<StatusChangeDto> History,
    ClaimTrackingDto? Claim = null);

/// <summary>The case behind a filed finding (companion/Claims): what was claimed, the case status and what Amazon paid.</summary>
public sealed record ClaimTrackingDto(
    string? DraftId,
    DateTime? FiledAt,
    int? FiledUnits,
    decimal? FiledAmount,
    string? CaseStatus,
    string? CaseStatusText,
    DateOnly? CaseStatusDate,
    DateOnly? CaseClosedOn,
    int? UnitsRecovered,
    decimal? AmountRemaining,
    IReadOnlyList<string> ReimbursementIds);

public static class FindingMapping
{
    public static FindingDto ToDto(this FindingDocument f) => new(
        f.Id, f.Type.ToString(), f.Confidence.ToString(), f.Status.ToString(), f.Marketplace, f.Currency,
        f.Fnsku, f.Sku, f.Asin, f.OrderId, f.ShipmentId, f.RemovalOrderId, f.ReferenceId, f.Units, f.Amount,
        f.EligibleFrom, f.Deadline,
        f.Evidence.Select(e => new EvidenceDto(e.Source, e.Date, e.ReferenceId, e.Quantity, e.Note)).ToList(),
        f.Explanation);

    public static FindingDetailDto ToDetailDto(this FindingDocument f) => new(
        f.ToDto(), f.ReferenceDate, f.CaseId, f.AmountRecovered, f.DismissReason, f.Detected, f.FirstSeenAt, f.LastSeenAt,
        f.History.Select(h => new StatusChangeDto(h.At, h.Status.ToString(), h.Source, h.Note)).ToList(),
        f.FiledAt is null && f.CaseId is null ? null : new ClaimTrackingDto(
            f.DraftId, f.FiledAt, f.FiledUnits, f.FiledAmount, f.CaseStatus, f.CaseStatusText, f.CaseStatusDate, f.CaseClosedOn,
            f.UnitsRecovered,
            f.FiledAmount is { } claimed ? Math.Max(0, claimed - (f.AmountRecovered ?? 0)) : null,
            f.ReimbursementIds));
}
