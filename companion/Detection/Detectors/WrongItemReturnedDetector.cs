using System.Text.RegularExpressions;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Detectors;

/// <summary>
/// A different item may have come back (claims.md §3): returns rows with reason SWITCHEROO, or a customer comment
/// that names another item (an ASIN other than the returned one, or words like "wrong item", "different item",
/// "empty box"). Offset FIFO by CustomerReturn/CustomerServiceIssue reimbursements of the order.
/// </summary>
public sealed partial class WrongItemReturnedDetector : IDetector
{
    private static readonly string[] Phrases =
        ["wrong item", "different item", "different product", "another item", "not the item", "not the same item",
         "empty box", "box was empty", "switched", "swapped", "counterfeit", "fake"];

    public ClaimType Type => ClaimType.WrongItemReturned;

    public Confidence Confidence => Confidence.Review;

    public IEnumerable<Candidate> Detect(DetectionInput input) => ReturnRows.Detect(input, Type,
        r => r.Quantity > 0 && (IsSwitcheroo(r) || NamesAnotherItem(r)),
        ["CustomerReturn", "CustomerServiceIssue"],
        (r, paid, owed) => $"{Text.Units(r.Quantity)} of order {r.OrderId}{(r.Sku is null ? "" : $" ({r.Sku})")} came back on {Text.Date(DateOnly.FromDateTime(r.ReturnDate.DateTime))} "
            + (IsSwitcheroo(r) ? "with reason SWITCHEROO" : $"with the comment \"{r.CustomerComments}\"") + $"; {paid} reimbursed.",
        "A different item may have been returned in place of yours; only an inspection (a removal and photos) can show it, and Amazon's disposition decision is often final.");

    public static bool IsSwitcheroo(CustomerReturn r) => string.Equals(r.Reason?.Trim(), "SWITCHEROO", StringComparison.OrdinalIgnoreCase);

    public static bool NamesAnotherItem(CustomerReturn r)
    {
        var comment = r.CustomerComments;
        if (string.IsNullOrWhiteSpace(comment))
        {
            return false;
        }
        if (Asin().Matches(comment).Any(m => !string.Equals(m.Value, r.Asin, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        return Phrases.Any(p => comment.Contains(p, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"\bB0[A-Z0-9]{8}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Asin();
}
