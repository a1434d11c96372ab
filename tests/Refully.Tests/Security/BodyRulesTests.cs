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
    public async Task ACompressedBodyIsHeldToTheLimitOnceDecompressed()
    {
        // 200 bytes of gzip that unpack to ~100 KB: the limit (4,096 bytes here) counts what is read, not what was sent.
        var big = Encoding.UTF8.GetBytes("{\"html\":\"" + new string('a', 100_000) + "\"}");
        using var packed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(big);
        }
        packed.Length.Should().BeLessThan(4096);
        var content = new ByteArrayContent(packed.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        var response = await _factory.Client(_factory.IssueToken()).PostAsync("/api/pages", content);

        await response.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "BODY_TOO_LARGE");
    }

    [Fact]
    public async Task ABrokenCompressedBodyGetsAProblemWithACode()
    {
        var content = new ByteArrayContent([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        var response = await _factory.Client(_factory.IssueToken()).PostAsync("/api/pages", content);

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "INVALID_JSON");
    }

    [Theory]
    [InlineData("br")]
    [InlineData("deflate")]
    [InlineData("gzip, gzip")]
    public async Task OnlyGzipIsAcceptedAsAContentEncoding(string encoding)
    {
        var content = new StringContent("{}", Encoding.UTF8, "application/json");
        content.Headers.TryAddWithoutValidation("Content-Encoding", encoding).Should().BeTrue();

        var response = await _factory.Client(_factory.IssueToken()).PostAsync("/api/pages", content);

        await response.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    public async Task AnEmptyNullOrNonObjectPageBodyGetsAProblemWithACode(string body)
    {
        var response = await _factory.Client(_factory.IssueToken()).PostAsync("/api/pages", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "INVALID_JSON");
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
