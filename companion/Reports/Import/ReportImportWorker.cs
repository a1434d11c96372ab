using Refully.Companion.Reports.Core;

namespace Refully.Companion.Reports.Import;

/// <summary>
/// Imports uploaded files in the background, one job and one file at a time, each file in its own transaction
/// on this worker's thread; deletes the uploaded copies when a job is done.
/// </summary>
public sealed class ReportImportWorker(ReportJobQueue queue, ReportImporter importer, ILogger<ReportImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            // The import is synchronous (LiteDB transactions are bound to a thread), so it runs on its own thread.
            await Task.Factory.StartNew(() => Run(job), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    internal void Run(ReportJob job)
    {
        try
        {
            foreach (var (name, path) in job.Uploads)
            {
                var upload = job.Files.First(f => f.Name == name && f.State == ReportFileState.Queued);
                List<ReportInput> inputs;
                try
                {
                    inputs = ReportInput.FromPath(path, name).ToList();
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException)
                {
                    upload.Result = FileImport.Reject(name, $"{name}: the file could not be opened: {ex.Message}");
                    upload.State = ReportFileState.Rejected;
                    continue;
                }
                var files = inputs.Select(i => i.Name == name ? upload : new ReportJobFile(i.Name)).ToList();
                if (files.Count != 1 || files[0] != upload)
                {
                    job.Replace(upload, files);
                }
                for (var i = 0; i < inputs.Count; i++)
                {
                    var file = files[i];
                    file.State = ReportFileState.Reading;
                    var result = importer.Import(inputs[i], rows => file.Rows = rows);
                    file.Rows = result.Rows;
                    file.Result = result;
                    file.State = result.Rejected ? ReportFileState.Rejected : ReportFileState.Imported;
                    logger.LogInformation("Imported {File}: {Report}, {Rows} rows, {Problems} problem(s)", result.File, result.Report ?? "rejected", result.Rows, result.Problems.Count);
                }
            }
        }
        finally
        {
            job.Done = true;
            TryDelete(job.Folder);
        }
    }

    private void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException ex)
        {
            logger.LogWarning("Could not delete the uploaded copies in {Folder}: {Message}", folder, ex.Message);
        }
    }
}
