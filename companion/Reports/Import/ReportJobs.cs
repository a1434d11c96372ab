using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Refully.Companion.Reports.Import;

public enum ReportFileState { Queued, Reading, Imported, Rejected }

/// <summary>One file of an upload job; <see cref="Rows"/> grows while it is read.</summary>
public sealed class ReportJobFile(string name)
{
    public string Name { get; } = name;
    public ReportFileState State { get; set; } = ReportFileState.Queued;
    public long Rows { get; set; }
    public FileImport? Result { get; set; }
}

/// <summary>An upload: its files saved to a private temporary folder, imported one by one by <see cref="ReportImportWorker"/>.</summary>
public sealed class ReportJob
{
    private readonly object _gate = new();
    private readonly List<ReportJobFile> _files = [];

    public ReportJob(string id, string folder, IReadOnlyList<(string Name, string Path)> uploads, DateTimeOffset created)
    {
        Id = id;
        Folder = folder;
        Uploads = uploads;
        Created = created;
        _files.AddRange(uploads.Select(u => new ReportJobFile(u.Name)));
    }

    public string Id { get; }
    public string Folder { get; }
    public IReadOnlyList<(string Name, string Path)> Uploads { get; }
    public DateTimeOffset Created { get; }
    public bool Done { get; set; }

    /// <summary>The files so far (a zip upload is replaced by its entries when it is opened).</summary>
    public IReadOnlyList<ReportJobFile> Files
    {
        get
        {
            lock (_gate)
            {
                return _files.ToList();
            }
        }
    }

    internal void Replace(ReportJobFile upload, IReadOnlyList<ReportJobFile> entries)
    {
        lock (_gate)
        {
            var at = _files.IndexOf(upload);
            _files.RemoveAt(at);
            _files.InsertRange(at, entries);
        }
    }
}

/// <summary>The upload jobs of this process: a queue for the worker and the recent jobs for GET /api/reports/jobs/{id}.</summary>
public sealed class ReportJobQueue(ReportOptions options)
{
    private readonly Channel<ReportJob> _queue = Channel.CreateUnbounded<ReportJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, ReportJob> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public ChannelReader<ReportJob> Reader => _queue.Reader;

    public void Enqueue(ReportJob job)
    {
        _jobs[job.Id] = job;
        _order.Enqueue(job.Id);
        while (_order.Count > options.KeptJobs && _order.TryPeek(out var oldest) && _jobs.TryGetValue(oldest, out var old) && old.Done)
        {
            _order.TryDequeue(out _);
            _jobs.TryRemove(oldest, out _);
        }
        _queue.Writer.TryWrite(job);
    }

    public ReportJob? Find(string id) => _jobs.GetValueOrDefault(id);
}
