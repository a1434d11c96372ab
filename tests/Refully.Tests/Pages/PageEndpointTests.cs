using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Refully.Companion.Storage;
using Refully.Tests.Infrastructure;

namespace Refully.Tests.Pages;

public sealed class PageEndpointTests : IDisposable
{
    private const string LedgerUrl = "https://sellercentral.amazon.com/reportcentral/INVENTORY_LEDGER/0?orderId=111-2222222-3333333";

    private const string LedgerHtml = """
        <html><head><title>Inventory Ledger</title></head><body>
        <kat-box><template shadowrootmode="open"><h1>Inventory Ledger</h1></template></kat-box>
        <p>Ship to: John Buyer, 1 Main St</p>
        <kat-table><template shadowrootmode="open"><slot></slot></template>
          <kat-table-head><kat-table-row>
            <kat-table-cell><template shadowrootmode="open">Date</template></kat-table-cell>
            <kat-table-cell><template shadowrootmode="open">Event type</template></kat-table-cell>
            <kat-table-cell><template shadowrootmode="open">Quantity</template></kat-table-cell>
          </kat-table-row></kat-table-head>
          <kat-table-body>
            <kat-table-row><kat-table-cell>09/01/2026</kat-table-cell><kat-table-cell>Adjustments</kat-table-cell><kat-table-cell>-3</kat-table-cell></kat-table-row>
            <kat-table-row><kat-table-cell>09/02/2026</kat-table-cell><kat-table-cell>Receipts</kat-table-cell><kat-table-cell>10</kat-table-cell></kat-table-row>
          </kat-table-body>
        </kat-table>
        <table><tr><th>SKU</th><th>Units</th></tr><tr><td>A</td><td>1</td></tr></table>
        </body></html>
        """;

    private readonly CompanionFactory _factory;

    public PageEndpointTests() : this(new CompanionFactory()) { }

    private PageEndpointTests(CompanionFactory factory) => _factory = factory;

    public void Dispose() => _factory.Dispose();

    private static object Capture(string url = LedgerUrl, string html = LedgerHtml) =>
        new { url, title = "Inventory Ledger", capturedAt = "2026-11-26T08:59:00Z", html };

    /// <summary>Posts a capture as the extension sends a large one: JSON, gzip-compressed (its length unknown until read).</summary>
    private async Task<HttpResponseMessage> PostGzip(object capture)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(capture);
        using var packed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }
        var content = new ByteArrayContent(packed.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        return await _factory.Client(_factory.IssueToken()).PostAsync("/api/pages", content);
    }

    [Fact]
    public async Task AGzipCompressedCaptureIsReadAsTheSameCapture()
    {
        var response = await PostGzip(Capture());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = await response.Json();
        answer.GetProperty("pageType").GetString().Should().Be("InventoryLedger");
        answer.GetProperty("tables")[0].GetProperty("rows").GetInt32().Should().Be(2);
        answer.GetProperty("shadowRoots").GetInt32().Should().Be(5);
    }

    [Fact]
    public async Task ALargeCompressedCaptureIsReadWhole()
    {
        // ~600 KB once unpacked, of unknown length (gzip): the body buffer grows several times before the JSON is read.
        var padding = string.Concat(Enumerable.Range(0, 12_000).Select(i => $"<!-- pad {i:00000} \"quoted\" \\ \u00e9 -->"));
        var html = LedgerHtml.Replace("</body>", padding + "<p>the end</p></body>");
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Capture(html: html)).Length.Should().BeGreaterThan(500_000);

        var response = await PostGzip(Capture(html: html));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = await response.Json();
        answer.GetProperty("pageType").GetString().Should().Be("InventoryLedger");
        answer.GetProperty("tables")[0].GetProperty("rows").GetInt32().Should().Be(2);
        _factory.Services.GetRequiredService<Refully.Companion.Storage.PageStore>().RecentVisits(1).Single().HtmlChars.Should().Be(html.Length);
    }

    [Fact]
    public async Task ACapturedPageIsRecognisedWithTheTextThatLivedInShadowRoots()
    {
        var answer = await (await _factory.Client(_factory.IssueToken()).PostAsJsonAsync("/api/pages", Capture())).Json();

        answer.GetProperty("pageType").GetString().Should().Be("InventoryLedger");
        answer.GetProperty("recognised").GetBoolean().Should().BeTrue();
        answer.GetProperty("marketplace").GetString().Should().Be("US");
        answer.GetProperty("headings").EnumerateArray().Select(h => h.GetString()).Should().Contain("Inventory Ledger");
        var tables = answer.GetProperty("tables").EnumerateArray().ToList();
        tables.Should().HaveCount(2);
        tables[0].GetProperty("headers").EnumerateArray().Select(h => h.GetString()).Should().Equal("Date", "Event type", "Quantity");
        tables[0].GetProperty("rows").GetInt32().Should().Be(2);
        tables[1].GetProperty("headers").EnumerateArray().Select(h => h.GetString()).Should().Equal("SKU", "Units");
        answer.GetProperty("shadowRoots").GetInt32().Should().Be(5);
    }

    [Fact]
    public async Task WhatWasRecognisedIsStoredButNotThePage()
    {
        await _factory.Client(_factory.IssueToken()).PostAsJsonAsync("/api/pages", Capture());

        var store = _factory.Services.GetRequiredService<PageStore>();
        var visit = store.RecentVisits(1).Single();
        visit.PageType.Should().Be("InventoryLedger");
        visit.Path.Should().Be("/reportcentral/INVENTORY_LEDGER/0");
        visit.Tables[0].Headers.Should().Equal("Date", "Event type", "Quantity");
        store.RawPages().Should().BeEmpty("raw pages are kept only while diagnostics are on");
    }

    [Fact]
    public async Task LogsCarryNoSellerOrBuyerData()
    {
        await _factory.Client(_factory.IssueToken()).PostAsJsonAsync("/api/pages", Capture());

        var logs = string.Join("\n", _factory.Logs);
        logs.Should().Contain("InventoryLedger");
        logs.Should().NotContain("111-2222222-3333333").And.NotContain("John Buyer").And.NotContain("X00");
    }

    [Fact]
    public async Task AnUnknownPageIsStoredAsUnrecognisedNotAnError()
    {
        var answer = await (await _factory.Client(_factory.IssueToken())
            .PostAsJsonAsync("/api/pages", Capture("https://sellercentral.amazon.de/home", "<html><body><h1>Startseite</h1></body></html>"))).Json();

        answer.GetProperty("pageType").GetString().Should().Be("Unrecognised");
        answer.GetProperty("recognised").GetBoolean().Should().BeFalse();
        answer.GetProperty("marketplace").GetString().Should().Be("DE");
    }

    [Theory]
    [InlineData("https://evil.example/reportcentral/INVENTORY_LEDGER/0", "<p>x</p>")]
    [InlineData("http://sellercentral.amazon.com/home", "<p>x</p>")]
    [InlineData("not a url", "<p>x</p>")]
    [InlineData("https://sellercentral.amazon.com/home", "")]
    public async Task InvalidCapturesAreRefusedWithACode(string url, string html)
    {
        var response = await _factory.Client(_factory.IssueToken()).PostAsJsonAsync("/api/pages", Capture(url, html));

        await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "INVALID_PAGE");
        _factory.Services.GetRequiredService<PageStore>().CountVisits().Should().Be(0);
    }

    [Fact]
    public async Task TooDeepAPageIsRefused()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 450)) + string.Concat(Enumerable.Repeat("</div>", 450));

        var response = await _factory.Client(_factory.IssueToken()).PostAsJsonAsync("/api/pages", Capture(html: html));

        await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "HTML_TOO_DEEP");
    }

    [Fact]
    public async Task TooLargeAPageIsRefused()
    {
        using var factory = new CompanionFactory(new() { ["Companion:MaxHtmlChars"] = "1000" });

        var response = await factory.Client(factory.IssueToken()).PostAsJsonAsync("/api/pages", Capture(html: new string('x', 1001)));

        await response.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "HTML_TOO_LARGE");
    }
}
