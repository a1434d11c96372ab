using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Refully.Companion.Storage;
using Refully.Tests.Infrastructure;

namespace Refully.Tests.Pages;

public sealed class DiagnosticsTests : IDisposable
{
    private readonly CompanionFactory _factory = new(new()
    {
        ["Companion:Diagnostics:KeepRawPages"] = "true",
        ["Companion:Diagnostics:MaxPages"] = "2",
        ["Companion:Diagnostics:MaxAgeHours"] = "24",
        ["Companion:Diagnostics:MaxTotalChars"] = "5000",
    });

    public void Dispose() => _factory.Dispose();

    private Task<HttpResponseMessage> Post(string marker, int padding = 0) =>
        _factory.Client(_factory.IssueToken()).PostAsJsonAsync("/api/pages", new
        {
            url = "https://sellercentral.amazon.com/home",
            title = "t",
            html = $"<html><body><p>{marker}</p>{new string('x', padding)}</body></html>",
        });

    private IReadOnlyList<RawPageDocument> Raw() => _factory.Services.GetRequiredService<PageStore>().RawPages();

    [Fact]
    public async Task WithDiagnosticsOnTheRawPageIsKept()
    {
        await Post("first");

        Raw().Should().ContainSingle().Which.Html.Should().Contain("first");
    }

    [Fact]
    public async Task OnlyTheNewestPagesAreKept()
    {
        await Post("one");
        _factory.Time.Advance(TimeSpan.FromMinutes(1));
        await Post("two");
        _factory.Time.Advance(TimeSpan.FromMinutes(1));
        await Post("three");

        Raw().Select(r => r.Html).Should().SatisfyRespectively(
            first => first.Should().Contain("two"),
            second => second.Should().Contain("three"));
    }

    [Fact]
    public async Task PagesOlderThanTheLimitAreDropped()
    {
        await Post("old");
        _factory.Time.Advance(TimeSpan.FromHours(25));
        await Post("new");

        Raw().Should().ContainSingle().Which.Html.Should().Contain("new");
    }

    [Fact]
    public async Task TheTotalSizeIsBounded()
    {
        await Post("a", 3000);
        _factory.Time.Advance(TimeSpan.FromMinutes(1));
        await Post("b", 3000);

        Raw().Should().ContainSingle().Which.Html.Should().Contain("b");
    }
}
