using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Refully.Tests.Infrastructure;

namespace Refully.Tests.Security;

public sealed class BodyRulesTests : IDisposable
{
    private readonly CompanionFactory _factory = new(new() { ["Companion:MaxBodyBytes"] = "4096" });

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task OnlyJsonBodiesAreAccepted(string contentType)
    {
        var content = new StringContent("{\"url\":\"x\"}");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await _factory.Client(_factory.IssueToken()).PostAsync("/api/pages", content);

        await response.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task ABodyOverTheLimitGetsAClearError()
    {
        var big = "{\"html\":\"" + new string('a', 5000) + "\"}";

        var response = await _factory.Client(_factory.IssueToken()).PostAsync("/api/pages", new StringContent(big, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "BODY_TOO_LARGE");
    }

    [Fact]
    public async Task BrokenJsonGetsAProblemWithACode()
    {
        var response = await _factory.Client(_factory.IssueToken()).PostAsync("/api/pages", new StringContent("{\"url\": ", Encoding.UTF8, "application/json"));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "INVALID_JSON");
    }

    [Fact]
    public async Task UnknownRoutesAnswerAProblemToo()
    {
        var response = await _factory.Client(_factory.IssueToken()).GetAsync("/api/nothing-here");

        await response.ShouldBeProblem(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}
