using LiteDB;
using Microsoft.Extensions.Options;
using Refully.Companion.Hosting;

namespace Refully.Companion.Storage;

/// <summary>What Refully keeps of a captured page: what it recognised, never the page itself.</summary>
public sealed class PageVisitDocument
{
    public ObjectId Id { get; set; } = ObjectId.Empty;
    public string Host { get; set; } = "";
    public string Path { get; set; } = "";
    public string? Marketplace { get; set; }
    public string PageType { get; set; } = "";
    public bool Recognised { get; set; }
    public DateTime CapturedAt { get; set; }
    public DateTime ReceivedAt { get; set; }
    public int HtmlChars { get; set; }
    public int ShadowRoots { get; set; }
    public List<PageTableDocument> Tables { get; set; } = [];
}

public sealed class PageTableDocument
{
    public List<string> Headers { get; set; } = [];
    public int Rows { get; set; }
}

/// <summary>A raw captured page, kept only while diagnostics are on (it can hold buyers' names and addresses).</summary>
public sealed class RawPageDocument
{
    public ObjectId Id { get; set; } = ObjectId.Empty;
    public ObjectId VisitId { get; set; } = ObjectId.Empty;
    public string Url { get; set; } = "";
    public string Html { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
}

public sealed class PageStore
{
    private readonly LiteDatabase _db;
    private readonly ILiteCollection<PageVisitDocument> _visits;
    private readonly ILiteCollection<RawPageDocument> _raw;
    private readonly IOptionsMonitor<CompanionOptions> _options;
    private readonly TimeProvider _time;

    public PageStore(CompanionDatabase db, IOptionsMonitor<CompanionOptions> options, TimeProvider time)
    {
        _db = db.Database;
        _options = options;
        _time = time;
        _visits = _db.GetCollection<PageVisitDocument>("pageVisits");
        _raw = _db.GetCollection<RawPageDocument>("rawPages");
        _visits.EnsureIndex(v => v.ReceivedAt);
        _raw.EnsureIndex(r => r.ReceivedAt);
    }

    /// <summary>Stores a visit (and, with diagnostics on, the raw page) in one transaction; prunes old raw pages.</summary>
    public ObjectId Add(PageVisitDocument visit, string url, string html)
    {
        var diagnostics = _options.CurrentValue.Diagnostics;
        _db.BeginTrans();
        try
        {
            visit.Id = ObjectId.NewObjectId();
            _visits.Insert(visit);
            if (diagnostics.KeepRawPages && html.Length <= diagnostics.MaxTotalChars)
            {
                _raw.Insert(new RawPageDocument { Id = ObjectId.NewObjectId(), VisitId = visit.Id, Url = url, Html = html, ReceivedAt = visit.ReceivedAt });
            }
            PruneRawPages(diagnostics);
            _db.Commit();
        }
        catch
        {
            _db.Rollback();
            throw;
        }
        return visit.Id;
    }

    public int CountVisits() => _visits.Count();

    public IReadOnlyList<PageVisitDocument> RecentVisits(int count) =>
        _visits.Query().OrderByDescending(v => v.ReceivedAt).Limit(count).ToList();

    public IReadOnlyList<RawPageDocument> RawPages() => _raw.Query().OrderBy(r => r.ReceivedAt).ToList();

    /// <summary>Drops raw pages that are too old, too many or too large in total, oldest first; all of them when diagnostics are off.</summary>
    private void PruneRawPages(DiagnosticsOptions diagnostics)
    {
        if (!diagnostics.KeepRawPages)
        {
            _raw.DeleteAll();
            return;
        }
        var oldest = _time.GetUtcNow().UtcDateTime.AddHours(-diagnostics.MaxAgeHours);
        _raw.DeleteMany(r => r.ReceivedAt < oldest);
        var kept = _raw.Query().OrderByDescending(r => r.ReceivedAt).ToList();
        long total = 0;
        var index = 0;
        foreach (var page in kept)
        {
            total += page.Html.Length;
            if (index >= diagnostics.MaxPages || total > diagnostics.MaxTotalChars)
            {
                _raw.Delete(page.Id);
            }
            index++;
        }
    }
}
