using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Refully.Companion.Api;
using Refully.Companion.Hosting;

namespace Refully.Companion.Reports.Import;

/// <summary>Stable error codes of the report endpoints (the dashboard switches on them).</summary>
public static class ReportProblemCodes
{
    public const string NoFiles = "REPORT_NO_FILES";
    public const string NotMultipart = "REPORT_NOT_MULTIPART";
    public const string UploadTooLarge = "REPORT_UPLOAD_TOO_LARGE";
    public const string JobNotFound = "REPORT_JOB_NOT_FOUND";
}

public sealed record ReportJobFileDto(string File, string State, long Rows, ImportEntryDto? Import);

public sealed record ReportJobDto(string Id, string State, IReadOnlyList<ReportJobFileDto> Files)
{
    public static ReportJobDto From(ReportJob job) => new(job.Id, job.Done ? "done" : job.Files.Any(f => f.State != ReportFileState.Queued) ? "running" : "queued",
        job.Files.Select(f => new ReportJobFileDto(f.Name, f.State.ToString().ToLowerInvariant(), f.Rows, f.Result?.ToDto())).ToList());
}

public static class ReportEndpoints
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration("Reports");
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReportOptions>>().Value);
        services.AddSingleton(ReportReaders.Registry);
        services.AddSingleton<ReportImporter>();
        services.AddSingleton<ReportJobQueue>();
        services.AddSingleton<ReportImportWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportImportWorker>());
        return services;
    }

    /// <summary>
    /// `POST /api/reports` (multipart/form-data, any number of files, zip and gzip welcome): answers 202 with a job
    /// at once; `GET /api/reports/jobs/{id}` tells per file whether it is queued, being read (rows so far),
    /// imported or rejected, with the same per-file result as `scan --json`.
    /// </summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports");
        reports.MapPost("/", Upload).DisableAntiforgery();
        reports.MapGet("/jobs/{id}", Results<Ok<ReportJobDto>, ProblemHttpResult> (string id, ReportJobQueue queue) =>
            queue.Find(id) is { } job
                ? TypedResults.Ok(ReportJobDto.From(job))
                : Problems.Create(404, ReportProblemCodes.JobNotFound, $"No upload job has the id '{id}' (jobs are kept until the companion restarts)."));
        return app;
    }

    private static async Task<Results<Accepted<ReportJobDto>, ProblemHttpResult>> Upload(HttpRequest request, ReportJobQueue queue, IOptions<CompanionOptions> companion, TimeProvider time)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || HeaderUtilities.RemoveQuotes(contentType.Boundary).Length == 0)
        {
            return Problems.Create(415, ReportProblemCodes.NotMultipart, "Send the report files as multipart/form-data.");
        }
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var folder = Path.Combine(Path.GetTempPath(), "refully-uploads", id);
        Directory.CreateDirectory(folder);
        var uploads = new List<(string, string)>();
        try
        {
            var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(contentType.Boundary).ToString(), request.Body);
            long total = 0;
            while (await reader.ReadNextSectionAsync(request.HttpContext.RequestAborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                {
                    continue;
                }
                var name = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString());
                name = name.Length == 0 ? $"upload-{uploads.Count + 1}" : name;
                var path = Path.Combine(folder, $"{uploads.Count:D3}");
                await using (var file = File.Create(path))
                {
                    await section.Body.CopyToAsync(file, request.HttpContext.RequestAborted);
                    total += file.Length;
                }
                if (total > companion.Value.MaxUploadBytes)
                {
                    Directory.Delete(folder, recursive: true);
                    return Problems.Create(413, ReportProblemCodes.UploadTooLarge, $"The upload has more than {companion.Value.MaxUploadBytes} bytes, the most the companion accepts at once.");
                }
                uploads.Add((name, path));
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            Directory.Delete(folder, recursive: true);
            return Problems.Create(400, ReportProblemCodes.NotMultipart, $"The upload could not be read as multipart/form-data: {ex.Message}");
        }
        if (uploads.Count == 0)
        {
            Directory.Delete(folder, recursive: true);
            return Problems.Create(400, ReportProblemCodes.NoFiles, "The upload holds no file. Attach report files (any name) as form files.");
        }
        var job = new ReportJob(id, folder, uploads, time.GetUtcNow());
        queue.Enqueue(job);
        return TypedResults.Accepted($"/api/reports/jobs/{id}", ReportJobDto.From(job));
    }
}
