using Refully.Companion.Domain.Records;

namespace Refully.Companion.Reports.Core;

/// <summary>
/// A column a reader uses, known by every header text it appears under (download and online labels,
/// old and new names, DE/FR/IT/ES/JA translations). Matching ignores case, spaces, dashes and underscores
/// (see <see cref="HeaderMap.Normalize"/>). A report is recognised when all its Required columns are present.
/// </summary>
public sealed record ReportColumn(string Key, bool Required, IReadOnlyList<string> Headers)
{
    public static ReportColumn Req(string key, params string[] headers) => new(key, true, headers);

    public static ReportColumn Opt(string key, params string[] headers) => new(key, false, headers);
}

/// <summary>
/// One report type read from a tabular file (TSV/CSV, any encoding, compressed or not: the core opens it).
/// Readers are recognised by their header, never by file name; they return domain records and never touch
/// the store. Registered in an explicit ordered list (<c>ReportRegistry</c>), most specific first.
/// </summary>
public interface ITabularReportReader
{
    /// <summary>Stable report name, as written in `scan` output ("InventoryLedgerDetail", "Reimbursements" …).</summary>
    string Report { get; }

    IReadOnlyList<ReportColumn> Columns { get; }

    /// <summary>Second-stage check once all required columns matched (e.g. to tell two layouts apart).</summary>
    bool Accepts(HeaderMap headers) => true;

    /// <summary>Reads one data row into zero or more records. Problems go to <see cref="ReportRow.Problem"/>.</summary>
    void Read(ReportRow row, IRecordSink sink);
}

/// <summary>Where readers put what they read.</summary>
public interface IRecordSink
{
    void Add(DomainRecord record);
}
