using Microsoft.Extensions.Options;
using Refully.Companion.Api;
using Refully.Companion.Domain;
using Refully.Companion.Hosting;
using Refully.Companion.Storage;

namespace Refully.Companion.Pages;

/// <summary>A captured page as the extension sends it (shadow roots serialized as declarative templates).</summary>
public sealed record PageCaptureRequest(string? Url, string? Title, DateTimeOffset? CapturedAt, string? Html);

/// <summary>The companion's answer for a captured page.</summary>
public sealed record PageAnswer(
    string CaptureId,
    string PageType,
    bool Recognised,
    string? Marketplace,
    string Title,
    IReadOnlyList<string> Headings,
    IReadOnlyList<PageTable> Tables,
    int ShadowRoots);

/// <summary>A request the intake refuses, with its status and stable code.</summary>
public sealed record PageRejection(int Status, string Code, string Detail);

/// <summary>Validates, parses, recognises and stores a captured page. Logs carry no seller or buyer data.</summary>
public sealed class PageIntake(PageStore store, IOptionsMonitor<CompanionOptions> options, TimeProvider time, ILogger<PageIntake> logger)
{
    public (PageAnswer? Answer, PageRejection? Rejection) Accept(PageCaptureRequest request)
    {
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

        var composed = ComposedDocument.Parse(request.Html);
        if (composed.MaxDepth > limits.MaxHtmlDepth)
        {
            return Reject(422, ProblemCodes.HtmlTooDeep, $"The page nests elements {composed.MaxDepth} deep; the companion reads at most {limits.MaxHtmlDepth}.");
        }

        var kind = PageRecognizer.Recognise(url);
        var marketplace = Marketplaces.FromUrl(url)?.Code;
        var tables = PageSummary.Tables(composed.Document);
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
            ShadowRoots = composed.ShadowRootCount,
            Tables = tables.Select(t => new PageTableDocument { Headers = t.Headers.ToList(), Rows = t.Rows }).ToList(),
        };
        var id = store.Add(visit, url.ToString(), request.Html);
        logger.LogInformation("Page captured: {PageType} in {Marketplace}, {Chars} chars, {ShadowRoots} shadow roots, {Tables} tables",
            visit.PageType, marketplace ?? "?", visit.HtmlChars, visit.ShadowRoots, tables.Count);

        var title = Text.Normalize(request.Title ?? composed.Document.Title);
        return (new PageAnswer(id.ToString(), visit.PageType, visit.Recognised, marketplace, title,
            PageSummary.Headings(composed.Document), tables, composed.ShadowRootCount), null);
    }

    private static (PageAnswer?, PageRejection?) Reject(int status, string code, string detail) => (null, new PageRejection(status, code, detail));
}
