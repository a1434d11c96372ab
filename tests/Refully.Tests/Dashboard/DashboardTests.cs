using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Refully.Tests.Infrastructure;

namespace Refully.Tests.Dashboard;

/// <summary>The dashboard the companion serves at /: security headers, static files, and the localhost boundary around it.</summary>
public sealed partial class DashboardTests : IDisposable
{
    private const string DashboardOrigin = CompanionFactory.Address;
    private readonly CompanionFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>The folder the companion serves the dashboard from (companion/wwwroot).</summary>
    private string WebRoot => _factory.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath;

    [Fact]
    public async Task TheRootServesTheDashboardWithAStrictContentSecurityPolicy()
    {
        var response = await _factory.Client().GetAsync("/");

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        body.Should().Contain("<title>Refully dashboard</title>").And.Contain("<script type=\"module\" src=\"js/main.js\"></script>");
        var csp = Header(response, "Content-Security-Policy");
        Directives(csp).Should().Contain(new Dictionary<string, string>
        {
            ["default-src"] = "'self'",
            ["script-src"] = "'self'",
            ["style-src"] = "'self'",
            ["connect-src"] = "'self'",
            ["object-src"] = "'none'",
            ["base-uri"] = "'none'",
            ["frame-ancestors"] = "'none'",
        });
        csp.Should().NotContain("unsafe").And.NotContain("*").And.NotContain("data:").And.NotContain("http");
        Header(response, "X-Content-Type-Options").Should().Be("nosniff");
        Header(response, "Referrer-Policy").Should().Be("no-referrer");
        Header(response, "X-Frame-Options").Should().Be("DENY");
        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    [Theory]
    [InlineData("/index.html", "text/html")]
    [InlineData("/css/dashboard.css", "text/css")]
    [InlineData("/js/main.js", "text/javascript")]
    [InlineData("/js/api.js", "text/javascript")]
    [InlineData("/js/findings.js", "text/javascript")]
    [InlineData("/js/reports.js", "text/javascript")]
    public async Task StaticAssetsAreServedWithoutATokenAndWithTheSecurityHeaders(string path, string mediaType)
    {
        var response = await _factory.Client().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        Header(response, "Content-Security-Policy").Should().Be(Refully.Companion.Dashboard.DashboardEndpoints.ContentSecurityPolicy);
        Header(response, "X-Content-Type-Options").Should().Be("nosniff");
        Header(response, "Referrer-Policy").Should().Be("no-referrer");
    }

    [Fact]
    public async Task EveryFileInTheWebRootIsServed()
    {
        var client = _factory.Client();
        var files = Directory.EnumerateFiles(WebRoot, "*", SearchOption.AllDirectories).ToList();

        files.Should().NotBeEmpty();
        foreach (var file in files)
        {
            var path = "/" + Path.GetRelativePath(WebRoot, file).Replace('\\', '/');
            var response = await client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            (await response.Content.ReadAsByteArrayAsync()).Should().Equal(await File.ReadAllBytesAsync(file), path);
        }
    }

    [Fact]
    public async Task AnotherHostNameIsRefusedForTheDashboardToo()
    {
        var client = _factory.Client();
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "rebind.evil.example:47615";

        var response = await client.SendAsync(request);

        await response.ShouldBeProblem(HttpStatusCode.Forbidden, "HOST_NOT_ALLOWED");
    }

    [Fact]
    public async Task TheDashboardOriginPassesTheOriginCheckWhileAWebPageOriginIsRefused()
    {
        var token = _factory.IssueToken();

        var fromDashboard = await _factory.Client(token, DashboardOrigin).GetAsync("/api/findings");
        var fromLocalhostName = await _factory.Client(token, "http://localhost:47615").GetAsync("/api/findings");
        var fromWebPage = await _factory.Client(token, "https://evil.example").GetAsync("/api/findings");
        var fromOtherPort = await _factory.Client(token, "http://127.0.0.1:8080").GetAsync("/api/findings");

        fromDashboard.StatusCode.Should().Be(HttpStatusCode.OK);
        fromLocalhostName.StatusCode.Should().Be(HttpStatusCode.OK);
        await fromWebPage.ShouldBeProblem(HttpStatusCode.Forbidden, "ORIGIN_NOT_ALLOWED");
        await fromOtherPort.ShouldBeProblem(HttpStatusCode.Forbidden, "ORIGIN_NOT_ALLOWED");
    }

    [Fact]
    public async Task TheDashboardPairsLikeTheExtensionAndItsTokenOpensTheApi()
    {
        var client = _factory.Client(origin: DashboardOrigin);

        var start = await (await client.PostAsJsonAsync("/api/pair/start", new { clientName = "Refully dashboard" })).Json();
        var pairingId = start.GetProperty("pairingId").GetString()!;
        start.ToString().Should().NotContain(_factory.Pairing.Codes[pairingId], "the code is shown only in the companion's console");
        var confirm = await (await client.PostAsJsonAsync("/api/pair/confirm", new { pairingId, code = _factory.Pairing.Codes[pairingId] })).Json();
        var token = confirm.GetProperty("token").GetString()!;

        var findings = await _factory.Client(token, DashboardOrigin).GetAsync("/api/findings");
        findings.StatusCode.Should().Be(HttpStatusCode.OK);
        var asExtension = await _factory.Client(token, "chrome-extension://abcdefghijklmnopabcdefghijklmnop").GetAsync("/api/findings");
        await asExtension.ShouldBeProblem(HttpStatusCode.Forbidden, "TOKEN_WRONG_ORIGIN");
    }

    [Theory]
    [InlineData("/api/findings")]
    [InlineData("/api/findings/LW-0000000000000000")]
    [InlineData("/api/reports/jobs/0000000000000000")]
    [InlineData("/api/claims/drafts")]
    [InlineData("/api/claims/limits")]
    [InlineData("/api/status")]
    public async Task NoApiDataWithoutAToken(string path)
    {
        var response = await _factory.Client(origin: DashboardOrigin).GetAsync(path);

        await response.ShouldBeProblem(HttpStatusCode.Unauthorized, "TOKEN_REQUIRED");
    }

    [Fact]
    public async Task ApiActionsFromTheDashboardOriginNeedATokenToo()
    {
        var client = _factory.Client(origin: DashboardOrigin);

        var rescan = await client.PostAsync("/api/findings/rescan", null);
        var dismiss = await client.PostAsJsonAsync("/api/findings/x/dismiss", new { reason = "no" });
        var upload = await client.PostAsync("/api/reports", new MultipartFormDataContent { { new StringContent("a,b"), "files", "a.csv" } });

        await rescan.ShouldBeProblem(HttpStatusCode.Unauthorized, "TOKEN_REQUIRED");
        await dismiss.ShouldBeProblem(HttpStatusCode.Unauthorized, "TOKEN_REQUIRED");
        await upload.ShouldBeProblem(HttpStatusCode.Unauthorized, "TOKEN_REQUIRED");
    }

    [Fact]
    public void TheDashboardIsServedFromTheCompanionsWebRoot()
    {
        WebRoot.Replace('\\', '/').Should().EndWith("companion/wwwroot");
        File.Exists(Path.Combine(WebRoot, "index.html")).Should().BeTrue();
    }

    [Fact]
    public void ThePageHasNoInlineScriptStyleOrHandlers()
    {
        var html = File.ReadAllText(Path.Combine(WebRoot, "index.html"));

        ScriptTag().Matches(html).Should().OnlyContain(m => m.Value.Contains(" src=\""), "every script is a file from this origin");
        html.Should().NotContainAny("<style", " style=\"", "javascript:");
        InlineHandler().IsMatch(html).Should().BeFalse("inline event handlers are blocked by the CSP");
    }

    [Fact]
    public void TheScriptsNeverWriteHtmlOrEvaluateStrings()
    {
        var scripts = Directory.EnumerateFiles(Path.Combine(WebRoot, "js"), "*.js").ToList();

        scripts.Should().HaveCountGreaterThan(5, "one small module per view");
        foreach (var script in scripts)
        {
            var code = File.ReadAllText(script);
            code.Should().NotContainAny(["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"], Path.GetFileName(script));
            code.Split('\n').Length.Should().BeLessThan(250, $"{Path.GetFileName(script)} stays a small module");
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"The response has no {name} header.");

    private static Dictionary<string, string> Directives(string csp) =>
        csp.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}
