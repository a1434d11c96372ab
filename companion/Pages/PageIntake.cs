using Microsoft.Extensions.Options;
using Refully.Companion.Api;
using Refully.Companion.Detection;
using Refully.Companion.Domain;
using Refully.Companion.Hosting;
using Refully.Companion.Pages.Parsers;
using Refully.Companion.Reports.Core;
using Refully.Companion.Reports.Import;
using Refully.Companion.Storage;

namespace Refully.Companion.Pages;

/// <summary>A captured page as the extension sends it (shadow roots serialized as declarative templates).</summary>
public sealed record PageCaptureRequest(string? Url, string? Title, DateTimeOffset? CapturedAt, string? Html)
{
    /// <summary>
    /// Binds the request body (minimal APIs call this instead of their own JSON binding): the body is read whole into a
    /// pooled buffer (within the limits the localhost guard set, gzip already undone), then parsed in one pass with the
    /// API's JSON options. Reading the JSON from the body stream as it arrives grows and re-scans its buffer: for a 2 MB
    /// capture 17 ms against 6.5 ms (docs/pages.md "Fifth round"). Broken or empty JSON is the same 400 INVALID_JSON.
    /// </summary>
    public static async ValueTask<PageCaptureRequest?> BindAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var pool = System.Buffers.ArrayPool<byte>.Shared;
        var buffer = pool.Rent((int)Math.Clamp(context.Request.ContentLength ?? 0, 16 * 1024, 64 * 1024 * 1024) + 1);
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var larger = pool.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    pool.Return(buffer);
                    buffer = larger;
                }
                var read = await context.Request.Body.ReadAsync(buffer.AsMemory(filled), context.RequestAborted);
                if (read == 0)
                {
                    break;
                }
                filled += read;
            }
            try
            {
                return System.Text.Json.JsonSerializer.Deserialize<PageCaptureRequest>(buffer.AsSpan(0, filled), options)
                    ?? throw new BadHttpRequestException("The request body is not valid JSON: it is null.", StatusCodes.Status400BadRequest);
            }
            catch (System.Text.Json.JsonException json)
            {
                throw new BadHttpRequestException("The request body is not valid JSON.", StatusCodes.Status400BadRequest, json);
            }
        }
        finally
        {
            pool.Return(buffer);
        }
    }
}

/// <summary>The companion's answer for a captured page.</summary>
public sealed record PageAnswer(
    string CaptureId,
    string PageType,
    bool Recognised,
    string? Marketplace,
    string Title,
    IReadOnlyList<string> Headings,
    IReadOnlyList<PageTable> Tables,
    int ShadowRoots,
    PageRecords Records,
    IReadOnlyList<PageFinding> Findings,
    PageFindingSummary Summary);

/// <summary>What the page's parser read: records stored new or changed, unchanged, read as anchors only, rows skipped.</summary>
public sealed record PageRecords(int Read, int Inserted, int Updated, int Unchanged, int AnchorOnly, int SkippedRows, int Anchors, string? Note);

/// <summary>A finding that concerns the page, with the identifier texts (most specific first) that locate its rows.</summary>
public sealed record PageFinding(FindingDto Finding, IReadOnlyList<string> Anchors);

public sealed record MoneyDto(string Currency, decimal Amount);

/// <summary>The page's findings in short: claimable ones, their value per currency, those without a value, those due within 7 days.</summary>
public sealed record PageFindingSummary(int ClaimableCount, IReadOnlyList<MoneyDto> Claimable, int UnknownValueCount, int ExpiringThisWeek);

/// <summary>Where the companion spent its time on one page, in milliseconds (sent as Server-Timing).</summary>
public sealed record PageTimings(double Parse, double Store, double Detect, double Total)
{
    public string ToHeader() => FormattableString.Invariant(
        $"parse;dur={Parse:0.0}, store;dur={Store:0.0}, detect;dur={Detect:0.0}, total;dur={Total:0.0}");
}

/// <summary>A request the intake refuses, with its status and stable code.</summary>
public sealed record PageRejection(int Status, string Code, string Detail);

/// <summary>Validates, parses, recognises and stores a captured page. Logs carry no seller or buyer data.</summary>
public sealed class PageIntake(
    PageStore store, RecordStore records, PageRecordStore pageRecords, DetectionService detection, FindingStore findings, PageCaptureCache cache,
    CompanionDatabase database, IOptionsMonitor<CompanionOptions> options, TimeProvider time, ILogger<PageIntake> logger)
{
    public (PageAnswer? Answer, PageRejection? Rejection) Accept(PageCaptureRequest request) => Accept(request, out _);

    public (PageAnswer? Answer, PageRejection? Rejection) Accept(PageCaptureRequest request, out PageTimings? timings)
    {
        timings = null;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var limits = options.CurrentValue;
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            return Reject(422, ProblemCodes.InvalidPage, "`url` must be the page's absolute https address.");
        }
        if (!Marketplaces.IsSellerCentralHost(url.Host))
        {
            return Reject(422, ProblemCodes.InvalidPage, $"{url.Host} is not a Seller Central host; Refully only reads Seller Central pages.");
        }
        if (string.IsNullOrEmpty(request.Html))
        {
            return Reject(422, ProblemCodes.InvalidPage, "`html` is required: the captured page with its shadow roots.");
        }
        if (request.Html.Length > limits.MaxHtmlChars)
        {
            return Reject(413, ProblemCodes.HtmlTooLarge, $"The page has {request.Html.Length} characters of HTML; the companion reads at most {limits.MaxHtmlChars}.");
        }

        var marketplace = Marketplaces.FromUrl(url)?.Code;
        var key = PageCaptureCache.Key(url, request.Html);
        var page = cache.Find(key, out var mergedAt);
        var fresh = page is null;
        page ??= Read(request.Html, url, marketplace, limits.MaxHtmlDepth);
        if (page.MaxDepth > limits.MaxHtmlDepth)
        {
            return Reject(422, ProblemCodes.HtmlTooDeep, $"The page nests elements {page.MaxDepth} deep; the companion reads at most {limits.MaxHtmlDepth}.");
        }
        var parse = page.Parse;
        var kind = parse.Kind;
        var tables = page.Tables;
        var parsed = System.Diagnostics.Stopwatch.GetTimestamp();
        var now = time.GetUtcNow().UtcDateTime;
        var visit = new PageVisitDocument
        {
            Host = url.Host,
            Path = url.AbsolutePath,
            Marketplace = marketplace,
            PageType = kind.ToString(),
            Recognised = kind != PageKind.Unrecognised,
            CapturedAt = (request.CapturedAt?.UtcDateTime) ?? now,
            ReceivedAt = now,
            HtmlChars = request.Html.Length,
            ShadowRoots = page.ShadowRoots,
            Tables = tables.Select(t => new PageTableDocument { Headers = t.Headers.ToList(), Rows = t.Rows }).ToList(),
        };
        var id = store.Add(visit, url.ToString(), request.Html);
        if (fresh)
        {
            AssignIds(parse.Records);
            cache.Add(key, page);
        }
        PageStoreResult stored;
        long storedAt;
        IReadOnlyList<FindingDocument> all;
        // Only the findings the page's anchors name are read back (not every finding of the account, copied and sorted).
        var onPage = new FindingQuery(Anchors: parse.Anchors.Select(a => a.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase));
        if (!fresh && mergedAt == database.RecordWrites)
        {
            // The same capture, and no record written since its records were merged: merging again would find every one unchanged.
            stored = new PageStoreResult(0, 0, parse.Records.Count);
            storedAt = System.Diagnostics.Stopwatch.GetTimestamp();
            all = findings.Query(onPage);
        }
        else
        {
            (stored, storedAt, all) = StoreAndDetect(parse, key, onPage);
        }
        var pageFindings = Concerning(all, parse.Anchors);
        var detected = System.Diagnostics.Stopwatch.GetTimestamp();
        logger.LogInformation("Page captured: {PageType} in {Marketplace}, {Chars} chars, {ShadowRoots} shadow roots, {Tables} tables, {Records} records ({Inserted} new, {Updated} changed), {Findings} findings",
            visit.PageType, marketplace ?? "?", visit.HtmlChars, visit.ShadowRoots, tables.Count, parse.Records.Count, stored.Inserted, stored.Updated, pageFindings.Count);

        var title = Text.Normalize(request.Title ?? page.DocumentTitle);
        var summary = new PageRecords(parse.Records.Count + parse.AnchorOnly.Count, stored.Inserted, stored.Updated, stored.Unchanged,
            parse.AnchorOnly.Count, parse.SkippedRows, parse.Anchors.Count, parse.Note);
        timings = new PageTimings(Ms(started, parsed), Ms(parsed, storedAt), Ms(storedAt, detected), Ms(started, System.Diagnostics.Stopwatch.GetTimestamp()));
        return (new PageAnswer(id.ToString(), visit.PageType, visit.Recognised, marketplace, title,
            page.Headings, tables, page.ShadowRoots, summary, pageFindings, Summarise(pageFindings)), null);
    }

    /// <summary>
    /// Stores the page's records (ids the detection cache proves new are not looked up) and, when any changed, detects;
    /// returns when the write ended. (Writing on another thread while detection worked on the records as they would be
    /// stored was measured slower on this 2-core machine under load, docs/pages.md "Performance", and is not done.)
    /// </summary>
    private (PageStoreResult Stored, long StoredAt, IReadOnlyList<FindingDocument> All) StoreAndDetect(PageParse parse, (string Url, byte[] Hash) key,
        FindingQuery onPage)
    {
        var stored = pageRecords.Store(parse.Records, parse.Facts == PageFacts.Live, parse.KeepStored, detection.StoredIds(), out var written);
        var storedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        detection.RecordsStored(written);
        if (written.Alone)
        {
            cache.Stored(key, written.After);
        }
        return (stored, storedAt, stored.Changed ? detection.Run(null, "page", onPage) : findings.Query(onPage));
    }

    /// <summary>Composes the page, recognises it and reads it: everything that depends on the HTML alone (nothing read when too deep).</summary>
    private static ParsedPage Read(string html, Uri url, string? marketplace, int maxDepth)
    {
        var composed = ComposedDocument.Parse(html, deferRows: PageParsers.DefersRows(url));
        var document = composed.Document;
        if (composed.MaxDepth > maxDepth)
        {
            return new ParsedPage(PageParse.Empty(PageKind.Unrecognised), composed.ShadowRootCount, composed.MaxDepth, [], [], "");
        }
        var parse = PageParsers.For(url, document).Parse(document, url, marketplace);
        return new ParsedPage(parse, composed.ShadowRootCount, composed.MaxDepth, PageSummary.Tables(document), PageSummary.Headings(document), document.Title ?? "");
    }

    /// <summary>
    /// Ids as the report importer gives them (natural key + "#" + occurrence on this page), by the importer's own
    /// <see cref="ImportSink"/>: its batch is larger than the page, so it never flushes; the records are stored by
    /// <see cref="PageRecordStore"/>, which merges instead of replacing.
    /// </summary>
    private void AssignIds(IReadOnlyList<Domain.Records.DomainRecord> parsed)
    {
        var sink = new ImportSink(records, new ProblemLog(), parsed.Count + 1);
        foreach (var record in parsed)
        {
            sink.Add(record);
        }
    }

    /// <summary>
    /// The findings whose reference, order, removal order, shipment, case id or FNSKU is among the page's anchors
    /// (Dismissed ones left out), each with the matching anchors as the page writes them, most specific first.
    /// </summary>
    private static List<PageFinding> Concerning(IReadOnlyList<FindingDocument> all, IReadOnlyList<string> anchors)
    {
        var onPage = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var anchor in anchors)
        {
            onPage.TryAdd(anchor.Trim(), anchor);
        }
        var result = new List<PageFinding>();
        if (onPage.Count == 0)
        {
            return result;
        }
        foreach (var finding in all)
        {
            if (finding.Status == FindingStatus.Dismissed)
            {
                continue;
            }
            var matched = FindingQuery.Identifiers(finding)
                .Where(i => i is not null && onPage.ContainsKey(i))
                .Select(i => onPage[i!])
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (matched.Count > 0)
            {
                result.Add(new PageFinding(finding.ToDto(), matched));
            }
        }
        return result;
    }

    private PageFindingSummary Summarise(List<PageFinding> pageFindings)
    {
        var claimable = pageFindings.Select(f => f.Finding).Where(f => f.Status == nameof(FindingStatus.Claimable)).ToList();
        var money = claimable.Where(f => f.Amount is not null && f.Currency is not null)
            .GroupBy(f => f.Currency!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MoneyDto(g.Key, g.Sum(f => f.Amount!.Value)))
            .ToList();
        var expiring = claimable.Count(f => f.Deadline <= detection.Today(f.Marketplace).AddDays(7));
        return new PageFindingSummary(claimable.Count, money, claimable.Count(f => f.Amount is null || f.Currency is null), expiring);
    }

    private static double Ms(long from, long to) => System.Diagnostics.Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private static (PageAnswer?, PageRejection?) Reject(int status, string code, string detail) => (null, new PageRejection(status, code, detail));
}
