using System.Text.Json;
using Refully.EndToEnd.Infrastructure;

namespace Refully.EndToEnd;

/// <summary>A web page on another origin cannot use the companion, even holding the real token.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class WebPageAttackTests(ChromiumFixture chromium)
{
    // Runs in the hostile page's own world. Every attempt ends as { threw, status, type, body }; a fetch
    // that never settles (a blocked local-network request) counts as refused after 5 s.
    private const string Attack =
        """
        async ({ companion, token }) => {
          const page = { url: "https://sellercentral.amazon.com/reportcentral/INVENTORY_LEDGER/0", title: "x",
                         capturedAt: new Date().toISOString(), html: "<html><body><h1>stolen</h1></body></html>" };
          const attempts = {
            ping: () => fetch(`${companion}/api/ping`),
            status: () => fetch(`${companion}/api/status`, { headers: { Authorization: `Bearer ${token}` } }),
            postWithRealToken: () => fetch(`${companion}/api/pages`, { method: "POST",
              headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` }, body: JSON.stringify(page) }),
            postWithGuessedToken: () => fetch(`${companion}/api/pages`, { method: "POST",
              headers: { "Content-Type": "application/json", Authorization: "Bearer 0123456789abcdef" }, body: JSON.stringify(page) }),
            simplePostNoCors: () => fetch(`${companion}/api/pages`, { method: "POST", mode: "no-cors",
              headers: { "Content-Type": "text/plain" }, body: JSON.stringify(page) }),
            pairStartNoCors: () => fetch(`${companion}/api/pair/start`, { method: "POST", mode: "no-cors",
              headers: { "Content-Type": "text/plain" }, body: "{}" }),
          };
          const results = {};
          for (const [name, attempt] of Object.entries(attempts)) {
            const timeout = new Promise(resolve => setTimeout(() => resolve("timeout"), 5000));
            try {
              const response = await Promise.race([attempt(), timeout]);
              results[name] = response === "timeout"
                ? { threw: true, status: 0, type: "timeout", body: "" }
                : { threw: false, status: response.status, type: response.type, body: await response.text() };
            } catch (error) {
              results[name] = { threw: true, status: 0, type: String(error.name), body: "" };
            }
          }
          return results;
        }
        """;

    [Fact]
    public async Task AWebPageOnAnotherOriginCannotReadOrStoreAnything()
    {
        // Arrange: a paired extension, so a live token exists; the attacker even knows it.
        await using var companion = CompanionServer.Start();
        var token = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, token.Token, token.Id);
        var page = await chromium.Context.NewPageAsync();
        await page.GotoAsync($"{ChromiumFixture.EvilSite}/");

        // Act
        var results = await page.EvaluateAsync<JsonElement>(Attack, new { companion = companion.Url, token = token.Token });

        // Assert: every call failed or came back unreadable/refused, and nothing was stored or paired.
        // (Playwright adds "$id" reference markers to the returned object; they are not attempts.)
        var attempts = results.EnumerateObject().Where(a => !a.Name.StartsWith('$')).ToList();
        attempts.Select(a => a.Name).Should().HaveCount(6);
        foreach (var attempt in attempts)
        {
            var threw = attempt.Value.GetProperty("threw").GetBoolean();
            var status = attempt.Value.GetProperty("status").GetInt32();
            var type = attempt.Value.GetProperty("type").GetString();
            var body = attempt.Value.GetProperty("body").GetString();
            (threw || type == "opaque" || status >= 400).Should().BeTrue($"{attempt.Name} must be refused, got {attempt.Value}");
            body.Should().NotContain("refully-companion", $"{attempt.Name} must not read the companion").And.NotContain("captureId");
        }
        companion.Pages.CountVisits().Should().Be(0);
        companion.Tokens.List().Should().ContainSingle("no pairing or token was created by the page");
    }
}
