using System.Net;
using System.Text;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Refully.Companion.Storage;
using Refully.Tests.Infrastructure;

namespace Refully.Tests.Security;

public sealed class TokenTests : IDisposable
{
    private readonly CompanionFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/api/status")]
    [InlineData("/api/tokens")]
    public async Task ApiRoutesWithoutATokenAreRefused(string path)
    {
        var response = await _factory.Client().GetAsync(path);

        await response.ShouldBeProblem(HttpStatusCode.Unauthorized, "TOKEN_REQUIRED");
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
    }

    [Fact]
    public async Task PostingAPageWithoutATokenIsRefusedBeforeTheBodyIsRead()
    {
        var response = await _factory.Client().PostAsync("/api/pages", new StringContent("not json at all", Encoding.UTF8, "application/json"));

        await response.ShouldBeProblem(HttpStatusCode.Unauthorized, "TOKEN_REQUIRED");
        _factory.Services.GetRequiredService<PageStore>().CountVisits().Should().Be(0);
    }

    [Theory]
    [InlineData("rfy_wrong")]
    [InlineData("")]
    public async Task AnUnknownTokenIsRefused(string token)
    {
        var client = _factory.Client();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + token);

        var response = await client.GetAsync("/api/status");

        await response.ShouldBeProblem(HttpStatusCode.Unauthorized, token.Length == 0 ? "TOKEN_REQUIRED" : "TOKEN_INVALID");
    }

    [Fact]
    public async Task AValidTokenIsAccepted()
    {
        var response = await _factory.Client(_factory.IssueToken()).GetAsync("/api/status");

        var json = await response.Json();
        json.GetProperty("service").GetString().Should().Be("refully-companion");
    }

    [Theory]
    [InlineData("token")]
    [InlineData("access_token")]
    public async Task ATokenInTheQueryStringIsRefusedEvenBesideAValidHeader(string name)
    {
        var token = _factory.IssueToken();

        var response = await _factory.Client(token).GetAsync($"/api/status?{name}={token}");

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "TOKEN_IN_QUERY");
    }

    [Fact]
    public async Task ARevokedTokenStopsWorkingAtOnce()
    {
        var token = _factory.IssueToken();
        var client = _factory.Client(token);
        var tokens = await (await client.GetAsync("/api/tokens")).Json();
        var id = tokens.EnumerateArray().Single(t => t.GetProperty("current").GetBoolean()).GetProperty("id").GetString();

        var revoke = await client.DeleteAsync($"/api/tokens/{id}");
        var after = await client.GetAsync("/api/status");

        revoke.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await after.ShouldBeProblem(HttpStatusCode.Unauthorized, "TOKEN_INVALID");
    }

    [Fact]
    public async Task RevokingAnUnknownTokenSaysSo()
    {
        var response = await _factory.Client(_factory.IssueToken()).DeleteAsync("/api/tokens/nope");

        await response.ShouldBeProblem(HttpStatusCode.NotFound, "TOKEN_NOT_FOUND");
    }

    [Fact]
    public async Task AnUnboundTokenBindsToTheFirstExtensionThatUsesIt()
    {
        var token = _factory.IssueToken();

        var first = await _factory.Client(token, "chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").GetAsync("/api/status");
        var other = await _factory.Client(token, "chrome-extension://bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb").GetAsync("/api/status");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        await other.ShouldBeProblem(HttpStatusCode.Forbidden, "TOKEN_WRONG_ORIGIN");
    }

    [Fact]
    public void OnlyAHashOfTheTokenIsStored()
    {
        using var db = CompanionDatabase.InMemory();
        var store = new TokenStore(db, TimeProvider.System);

        var issued = store.Issue("test", null);

        var raw = db.Database.GetCollection("tokens").FindAll().Single().ToString();
        raw.Should().NotContain(issued.Token);
        raw.Should().Contain(TokenStore.HashOf(issued.Token));
        store.Check(issued.Token, null).Outcome.Should().Be(TokenCheck.Valid);
    }

    [Fact]
    public void LastUsedIsWrittenAtMostOncePerMinuteButAlwaysWhenTheTokenBinds()
    {
        using var db = CompanionDatabase.InMemory();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var store = new TokenStore(db, time);
        var issued = store.Issue("test", null);
        DateTime? Stored() => store.List().Single().LastUsedAt;
        const string Extension = "chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

        store.Check(issued.Token, null).Outcome.Should().Be(TokenCheck.Valid);
        Stored().Should().Be(new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc));

        time.Advance(TimeSpan.FromSeconds(20));
        store.Check(issued.Token, Extension).Outcome.Should().Be(TokenCheck.Valid);
        store.List().Single().Origin.Should().Be(Extension, "binding the origin is written at once");
        Stored().Should().Be(new DateTime(2026, 11, 26, 9, 0, 20, DateTimeKind.Utc));

        time.Advance(TimeSpan.FromSeconds(59));
        store.Check(issued.Token, Extension).Outcome.Should().Be(TokenCheck.Valid);
        Stored().Should().Be(new DateTime(2026, 11, 26, 9, 0, 20, DateTimeKind.Utc), "within a minute of the last write nothing is written");

        time.Advance(TimeSpan.FromSeconds(1));
        store.Check(issued.Token, Extension).Outcome.Should().Be(TokenCheck.Valid);
        Stored().Should().Be(new DateTime(2026, 11, 26, 9, 1, 20, DateTimeKind.Utc));
    }
}
