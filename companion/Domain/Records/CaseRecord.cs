namespace Refully.Companion.Domain.Records;

/// <summary>
/// A Selling Partner Support case as the Case Lobby or the case's own page shows it. No report carries cases,
/// so only pages produce it. The status and last activity change while the case runs: the key is the case id
/// alone, so a later visit updates the same case.
/// </summary>
public sealed class CaseRecord : DomainRecord
{
    public string CaseId { get; set; } = "";

    /// <summary>As shown (Work in progress, Answered, Pending Amazon action, Closed, Reopened …).</summary>
    public string? Status { get; set; }

    /// <summary>The case's short description (subject line).</summary>
    public string? Subject { get; set; }

    public DateOnly? Created { get; set; }
    public DateOnly? LastActivity { get; set; }

    public override DateOnly? RecordDate => LastActivity ?? Created;

    public override string NaturalKey() => CaseId;
}
