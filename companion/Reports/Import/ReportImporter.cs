using System.Text.Json;
using Refully.Companion.Reports.Core;
using Refully.Companion.Storage;

namespace Refully.Companion.Reports.Import;

/// <summary>
/// Imports report files one at a time: recognise by header (or JSON shape), read every row through the reader,
/// store the records in one transaction per file. A file with any error (unknown layout, a malformed identifying
/// field, too many rows, an exception) is rolled back whole and the next file is imported as usual.
/// Stores on the calling thread (LiteDB transactions belong to a thread) while a tabular file is read on a second
/// one (<see cref="ImportSink.Run"/>); returns when the file is done. With
/// <paramref name="imported"/>, the records of each committed file are also kept there for detection.
/// </summary>
public sealed class ReportImporter(RecordStore store, ReportReaders readers, ReportOptions options, ImportedRecords? imported = null)
{
    private readonly ReportSniffer _sniffer = new(new ReportRecognizer(readers.Tabular));

    public FileImport Import(ReportInput input, Action<long>? progress = null)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return ImportOrThrow(input, progress) with { Elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started) };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A reader or the store failed: the file's transaction was rolled back by its using; report and go on.
            return FileImport.Reject(input.Name, $"{input.Name}: the companion failed while importing this file, nothing of it was kept: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private FileImport ImportOrThrow(ReportInput input, Action<long>? progress)
    {
        SniffResult sniff;
        try
        {
            sniff = _sniffer.Sniff(input);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return FileImport.Reject(input.Name, $"{input.Name}: the file could not be read: {ex.Message}");
        }
        if (sniff.IsJson)
        {
            return ImportJson(input);
        }
        if (sniff.Layout is not { } layout)
        {
            return FileImport.Reject(input.Name, $"{input.Name}: {sniff.RejectionMessage}");
        }
        return ImportTabular(input, layout, progress);
    }

    private FileImport ImportTabular(ReportInput input, ReportLayout layout, Action<long>? progress)
    {
        var report = layout.Recognition.Reader.Report;
        for (var attempt = 0; ; attempt++)
        {
            var problems = new ProblemLog(options.MaxProblemsPerFile);
            var sink = new ImportSink(store, problems, options.BatchSize, keep: imported is not null);
            using var transaction = store.BeginImport();
            long rows;
            try
            {
                // Read on a second thread while this one, which owns the transaction, stores the batches.
                var readLayout = layout;
                rows = sink.Run(() => TabularReportFile.Read(input, readLayout, sink, problems, progress, options.MaxRowsPerFile));
            }
            catch (DateOrderContradictionException contradiction) when (attempt == 0)
            {
                transaction.Rollback();
                layout = layout with { Format = contradiction.Corrected };
                continue;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or DateOrderContradictionException)
            {
                transaction.Rollback();
                return FileImport.Reject(input.Name, $"{input.Name}: the file could not be read to the end: {ex.Message}", report);
            }
            return Finish(input.Name, report, rows, sink, problems, transaction, Describe(layout));
        }
    }

    private FileImport ImportJson(ReportInput input)
    {
        JsonDocument document;
        try
        {
            using var stream = input.Open();
            var limit = options.MaxJsonBytes;
            using var limited = new Api.LimitedStream(stream, limit,
                () => new InvalidDataException($"the document is larger than {limit} bytes, the most the companion reads as JSON"));
            document = JsonDocument.Parse(limited, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (Exception ex) when (ex is JsonException or IOException or InvalidDataException)
        {
            return FileImport.Reject(input.Name, $"{input.Name}: not a known report: the file starts like JSON but cannot be read as JSON ({ex.Message})");
        }
        using (document)
        {
            var reader = readers.Json.FirstOrDefault(r => r.Recognise(document.RootElement));
            if (reader is null)
            {
                return FileImport.Reject(input.Name,
                    $"{input.Name}: not a known report: a JSON document, but not one of {string.Join(", ", readers.Json.Select(r => r.Report))}");
            }
            var problems = new ProblemLog(options.MaxProblemsPerFile);
            var sink = new ImportSink(store, problems, options.BatchSize, keep: imported is not null);
            using var transaction = store.BeginImport();
            reader.Read(document.RootElement, input.Name, sink, problems);
            sink.Flush();
            return Finish(input.Name, reader.Report, sink.Records, sink, problems, transaction, "JSON");
        }
    }

    private FileImport Finish(string file, string report, long rows, ImportSink sink, ProblemLog problems, ImportTransaction transaction, string layout)
    {
        var rejected = problems.HasErrors;
        if (rejected)
        {
            transaction.Rollback();
        }
        else
        {
            transaction.Commit();
            imported?.AddCommitted(sink.Kept, sink.Sorted);
        }
        var lines = problems.Describe().ToList();
        if (rejected)
        {
            lines.Insert(0, $"{file}: rejected, nothing imported: read as {report}, but {problems.Errors} identifying value(s) are missing or malformed");
        }
        return new FileImport
        {
            File = file,
            Report = rejected ? null : report,
            RecognisedAs = report,
            Rows = rows,
            Records = rejected ? 0 : sink.Records,
            Marketplaces = sink.Marketplaces.ToList(),
            From = sink.From,
            To = sink.To,
            Rejected = rejected,
            Errors = problems.Errors,
            Warnings = problems.Warnings,
            Problems = lines,
            Layout = layout,
            StoreTime = sink.StoreTime,
        };
    }

    private static string Describe(ReportLayout layout)
    {
        var format = layout.Format;
        var dates = format.DayFirstCertain ? (format.DayFirst ? "day-first dates" : "month-first dates") : "";
        var parts = new[]
        {
            layout.Encoding.WebName, layout.DelimiterName + (layout.Quoted ? " (quoted)" : ""), $"header on line {layout.HeaderLineIndex + 1}",
            format.DecimalComma ? "decimal comma" : "", dates,
        };
        return string.Join(", ", parts.Where(p => p.Length > 0));
    }
}
