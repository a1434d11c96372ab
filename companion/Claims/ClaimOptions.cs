namespace Refully.Companion.Claims;

/// <summary>Claim guard rails and tracking rules, bound from the `Claims` configuration section (docs/claims-filing.md).</summary>
public sealed class ClaimOptions
{
    /// <summary>
    /// Cases Refully lets the seller record per marketplace per day (today in the marketplace's time zone).
    /// Amazon penalises floods of cases but publishes no number: 10 is our decision, keep it configurable.
    /// </summary>
    public int DailyCaseLimit { get; set; } = 10;

    /// <summary>The share of the daily limit from which answers carry a warning (0.8 = from 8 of 10).</summary>
    public double WarningRatio { get; set; } = 0.8;

    /// <summary>
    /// Days after a case is seen Closed without any payment before the finding becomes Denied. Amazon documents
    /// no such time; reimbursements post 4–5 business days after approval (help G200732720), so 7 calendar
    /// days covers an approved case whose payment has not shown yet. A decision, not an Amazon rule.
    /// </summary>
    public int DeniedAfterDays { get; set; } = 7;

    /// <summary>Amazon's case composer limit is uncertain (~2,500 characters, domain.md §4.2); drafts stay under this.</summary>
    public int MaxBodyLength { get; set; } = 2000;
}
