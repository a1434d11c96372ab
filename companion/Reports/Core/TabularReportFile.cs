using nietras.SeparatedValues;

namespace Refully.Companion.Reports.Core;

/// <summary>
/// Streams the data rows of a recognised file through its reader: decodes with the detected encoding, skips the
/// preamble and header, splits with Sep (quotes parsed for CSV and quoted TSV; plain TSV takes quotes literally,
/// as Amazon's flat files do), and hands each row to <see cref="ITabularReportReader.Read"/>. Never holds more
/// than one row.
/// </summary>
public static class TabularReportFile
{
    /// <summary>Reads every data row; returns how many rows were read (blank lines not counted).</summary>
    public static long Read(ReportInput input, ReportLayout layout, IRecordSink sink, ICollection<ReportProblem> problems,
        Action<long>? progress = null, long maxRows = long.MaxValue)
    {
        var reader = layout.Recognition.Reader;
        var row = new ReportRow(input.Name, layout.Recognition.Headers, reader.Columns, layout.Format, problems);
        using var text = new StreamReader(input.Open(), layout.Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        for (var i = 0; i <= layout.HeaderLineIndex; i++)
        {
            text.ReadLine();
        }
        var firstDataLine = layout.HeaderLineIndex + 2L;
        using var sep = Sep.New(layout.Delimiter).Reader(o => o with
        {
            HasHeader = false,
            Unescape = layout.Quoted,
            DisableQuotesParsing = !layout.Quoted,
            DisableColCountCheck = true,
            InitialBufferLength = 1 << 16,
        }).From(text);
        long rows = 0;
        foreach (var sepRow in sep)
        {
            // Sep 0.17 reports line 2 as the start of its first row; later rows are right.
            var line = firstDataLine + (sepRow.RowIndex == 0 ? 1 : sepRow.LineNumberFrom) - 1;
            if (sepRow.ColCount == 1 && sepRow[0].Span.IsWhiteSpace())
            {
                continue;
            }
            if (++rows > maxRows)
            {
                problems.Add(new ReportProblem(ProblemSeverity.Error, input.Name, line, 0, null, null,
                    $"the file has more than {maxRows} rows, the most the companion reads from one file"));
                return rows - 1;
            }
            row.BeginRow(line);
            for (var c = 0; c < sepRow.ColCount; c++)
            {
                row.AddCell(sepRow[c].Span);
            }
            reader.Read(row, sink);
            if (progress is not null && rows % 10_000 == 0)
            {
                progress(rows);
            }
        }
        return rows;
    }
}
