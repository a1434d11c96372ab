using Refully.Tests.Infrastructure;

namespace Refully.Tests.Hosting;

public sealed class OpenApiTests : IDisposable
{
    private readonly CompanionFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheOpenApiDocumentListsTheEndpoints()
    {
        var document = await (await _factory.Client().GetAsync("/openapi/v1.json")).Json();

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/api/ping", "/api/pair/start", "/api/pair/confirm", "/api/status", "/api/tokens", "/api/pages"]);
    }
}
