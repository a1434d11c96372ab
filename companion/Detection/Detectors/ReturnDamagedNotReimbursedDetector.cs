namespace Refully.Companion.Detection.Detectors;

/// <summary>
/// Returns Amazon graded DAMAGED (its own fault) and did not pay for (claims.md §2): each returns row with
/// detailed-disposition DAMAGED is a loss of its quantity, offset FIFO by CustomerReturn, CustomerServiceIssue or
/// Damaged_Warehouse reimbursements of the order.
/// </summary>
public sealed class ReturnDamagedNotReimbursedDetector : IDetector
{
    public ClaimType Type => ClaimType.ReturnDamagedNotReimbursed;

    public Confidence Confidence => Confidence.High;

    public IEnumerable<Candidate> Detect(DetectionInput input) => ReturnRows.Detect(input, Type,
        r => string.Equals(r.DetailedDisposition?.Trim(), "DAMAGED", StringComparison.OrdinalIgnoreCase) && r.Quantity > 0,
        ["CustomerReturn", "CustomerServiceIssue", "Damaged_Warehouse"],
        (r, paid, owed) => $"{Text.Units(r.Quantity)} of order {r.OrderId}{(r.Sku is null ? "" : $" ({r.Sku})")} came back on {Text.Date(DateOnly.FromDateTime(r.ReturnDate.DateTime))} "
            + $"and Amazon graded {(r.Quantity == 1 ? "it" : "them")} DAMAGED (its own fault); {paid} reimbursed, so {Text.Units(owed)} {(owed == 1 ? "is" : "are")} owed.",
        null);
}
