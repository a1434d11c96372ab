using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Refully.Tests.Infrastructure;

namespace Refully.Tests.Security;

public sealed class PairingTests : IDisposable
{
    private const string Extension = "chrome-extension://abcdefghijklmnopabcdefghijklmnop";
    private readonly CompanionFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<(string PairingId, string Code)> StartPairing(HttpClient client)
    {
        var start = await (await client.PostAsJsonAsync("/api/pair/start", new { clientName = "Refully extension" })).Json();
        var id = start.GetProperty("pairingId").GetString()!;
        return (id, _factory.Pairing.Codes[id]);
    }

    [Fact]
    public async Task TheRightCodeGivesAWorkingTokenBoundToTheExtension()
    {
        var client = _factory.Client(origin: Extension);
        var (id, code) = await StartPairing(client);

        var confirm = await (await client.PostAsJsonAsync("/api/pair/confirm", new { pairingId = id, code })).Json();
        var token = confirm.GetProperty("token").GetString()!;

        code.Should().MatchRegex("^[0-9]{6}$");
        var status = await (await _factory.Client(token, Extension).GetAsync("/api/status")).Json();
        status.GetProperty("origin").GetString().Should().Be(Extension);
        var elsewhere = await _factory.Client(token, "chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz").GetAsync("/api/status");
        await elsewhere.ShouldBeProblem(HttpStatusCode.Forbidden, "TOKEN_WRONG_ORIGIN");
    }

    [Fact]
    public async Task TheCodeIsNeverInTheStartAnswer()
    {
        var client = _factory.Client(origin: Extension);
        var response = await client.PostAsJsonAsync("/api/pair/start", new { });
        var body = await response.Content.ReadAsStringAsync();
        var id = JsonDocument.Parse(body).RootElement.GetProperty("pairingId").GetString()!;

        body.Should().NotContain(_factory.Pairing.Codes[id]);
    }

    [Fact]
    public async Task AWrongCodeIsRefusedAndFiveWrongCodesEndTheRequest()
    {
        var client = _factory.Client(origin: Extension);
        var (id, code) = await StartPairing(client);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/pair/confirm", new { pairingId = id, code = wrong });
            await response.ShouldBeProblem(HttpStatusCode.Forbidden, "PAIRING_CODE_WRONG");
        }
        var late = await client.PostAsJsonAsync("/api/pair/confirm", new { pairingId = id, code });

        await late.ShouldBeProblem(HttpStatusCode.NotFound, "PAIRING_NOT_FOUND");
    }

    [Fact]
    public async Task AnExpiredRequestCannotBeConfirmed()
    {
        var client = _factory.Client(origin: Extension);
        var (id, code) = await StartPairing(client);

        _factory.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var response = await client.PostAsJsonAsync("/api/pair/confirm", new { pairingId = id, code });

        await response.ShouldBeProblem(HttpStatusCode.NotFound, "PAIRING_NOT_FOUND");
    }

    [Fact]
    public async Task AnotherOriginCannotConfirmSomeoneElsesRequest()
    {
        var (id, code) = await StartPairing(_factory.Client(origin: Extension));

        var response = await _factory.Client(origin: "chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")
            .PostAsJsonAsync("/api/pair/confirm", new { pairingId = id, code });

        await response.ShouldBeProblem(HttpStatusCode.NotFound, "PAIRING_NOT_FOUND");
    }

    [Fact]
    public async Task ACodeWorksOnlyOnce()
    {
        var client = _factory.Client(origin: Extension);
        var (id, code) = await StartPairing(client);

        (await client.PostAsJsonAsync("/api/pair/confirm", new { pairingId = id, code })).StatusCode.Should().Be(HttpStatusCode.OK);
        var again = await client.PostAsJsonAsync("/api/pair/confirm", new { pairingId = id, code });

        await again.ShouldBeProblem(HttpStatusCode.NotFound, "PAIRING_NOT_FOUND");
    }

    [Fact]
    public async Task AWebPageCannotStartPairing()
    {
        var response = await _factory.Client(origin: "https://evil.example").PostAsJsonAsync("/api/pair/start", new { });

        await response.ShouldBeProblem(HttpStatusCode.Forbidden, "ORIGIN_NOT_ALLOWED");
        _factory.Pairing.Codes.Should().BeEmpty();
    }
}
