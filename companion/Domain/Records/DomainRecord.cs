namespace Refully.Companion.Domain.Records;

/// <summary>
/// Base of every fact Refully stores, whichever door (report file or captured page) it came through.
/// <see cref="NaturalKey"/> identifies the fact: two downloads holding the same row give the same key, so
/// imports are idempotent. Identical rows inside one download are separate facts: the importer appends
/// the occurrence number (1, 2 …) to build <see cref="Id"/>, so across downloads a row counts as many
/// times as the download holding it most often has it.
/// </summary>
public abstract class DomainRecord
{
    /// <summary>Natural key plus occurrence; set by the importer.</summary>
    public string Id { get; set; } = "";

    /// <summary>Marketplace code (US, DE, JP …), or null where the source does not say.</summary>
    public string? Marketplace { get; set; }

    /// <summary>The record's business date (event, approval, return, order date …), used for date ranges.</summary>
    public abstract DateOnly? RecordDate { get; }

    /// <summary>The fields that identify this fact, joined; never includes personal data.</summary>
    public abstract string NaturalKey();
}
