using System.Net;
using System.Text;
using Refully.Tests.Infrastructure;

namespace Refully.Tests.Security;

public sealed class HostAndOriginTests : IDisposable
{
    private readonly CompanionFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task PingAnswersTheFixedIdentityInBodyAndHeader()
    {
        var response = await _factory.Client().GetAsync("/api/ping");

        var json = await response.Json();
        json.GetProperty("service").GetString().Should().Be("refully-companion");
        json.GetProperty("apiVersion").GetInt32().Should().Be(1);
        response.Headers.GetValues("X-Refully-Companion").Single().Should().Be(json.GetProperty("version").GetString());
    }

    [Theory]
    [InlineData("evil.example:47615")]
    [InlineData("127.0.0.1.nip.io:47615")]
    [InlineData("127.0.0.1:8080")]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task RequestsAddressedToAnotherHostAreRefused(string host)
    {
        var client = _factory.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/ping");
        request.Headers.Host = host;

        var response = await client.SendAsync(request);

        await response.ShouldBeProblem(HttpStatusCode.Forbidden, "HOST_NOT_ALLOWED");
    }

    [Theory]
    [InlineData("127.0.0.1:47615")]
    [InlineData("localhost:47615")]
    [InlineData("LOCALHOST:47615")]
    public async Task LoopbackHostWithOurPortIsAccepted(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/ping");
        request.Headers.Host = host;

        var response = await _factory.Client().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost:3000")]
    [InlineData("https://sellercentral.amazon.com")]
    [InlineData("null")]
    public async Task WebPageOriginsAreRefusedEvenWithAValidToken(string origin)
    {
        var token = _factory.IssueToken();
        var client = _factory.Client(token, origin);

        var ping = await client.GetAsync("/api/ping");
        var status = await client.GetAsync("/api/status");
        var page = await client.PostAsync("/api/pages", new StringContent("{}", Encoding.UTF8, "application/json"));

        await ping.ShouldBeProblem(HttpStatusCode.Forbidden, "ORIGIN_NOT_ALLOWED");
        await status.ShouldBeProblem(HttpStatusCode.Forbidden, "ORIGIN_NOT_ALLOWED");
        await page.ShouldBeProblem(HttpStatusCode.Forbidden, "ORIGIN_NOT_ALLOWED");
    }

    [Fact]
    public async Task PreflightFromAWebPageGetsNoCorsPermission()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/pages");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");

        var response = await _factory.Client().SendAsync(request);

        response.IsSuccessStatusCode.Should().BeFalse();
        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    [Theory]
    [InlineData("chrome-extension://abcdefghijklmnopabcdefghijklmnop")]
    [InlineData("http://127.0.0.1:47615")]
    [InlineData("http://localhost:47615")]
    public async Task TheExtensionAndTheDashboardOriginsPass(string origin)
    {
        var response = await _factory.Client(_factory.IssueToken(), origin).GetAsync("/api/status");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse("the companion never sends CORS grants");
    }
}
