using System.Text.Json;

namespace Refully.Companion.Reports.Core;

/// <summary>
/// One report type read from a JSON document (SP-API responses saved to a file). Recognised by the shape of
/// the document, never by file name. Like <see cref="ITabularReportReader"/>, it returns domain records and
/// never touches the store; problems with an identifying field are Errors (the file is rejected).
/// </summary>
public interface IJsonReportReader
{
    /// <summary>Stable report name, as written in `scan` output ("InboundShipments" …).</summary>
    string Report { get; }

    /// <summary>True when the document's shape is this report's.</summary>
    bool Recognise(JsonElement root);

    /// <summary>Reads the whole document into records; problems name the file and the JSON path.</summary>
    void Read(JsonElement root, string file, IRecordSink sink, ICollection<ReportProblem> problems);
}
