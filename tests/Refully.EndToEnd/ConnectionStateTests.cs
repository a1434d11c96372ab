using Refully.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Refully.EndToEnd;

/// <summary>What the seller sees when the extension is not paired, or the companion is not running.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ConnectionStateTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task UnpairedExtensionAsksToPairAndSendsNothing()
    {
        // Arrange: the companion runs, the extension has no token.
        await using var companion = CompanionServer.Start();
        await chromium.ResetAsync(companion.Url);

        // Act
        var page = await chromium.OpenSellerCentralAsync();

        // Assert: the panel answers only after the worker handled the capture, so by then nothing was sent.
        var panel = page.Locator("refully-panel [data-part=body]");
        await Expect(panel).ToHaveAttributeAsync("data-state", "needs-pairing");
        await Expect(panel).ToContainTextAsync("Pair Refully with the companion");
        await chromium.WaitForBadgeAsync("!");
        companion.Pages.CountVisits().Should().Be(0);
    }

    [Fact]
    public async Task StoppingTheCompanionShowsOfflineInThePanelThePopupAndTheBadge()
    {
        // Arrange: paired, and the first capture answered.
        var companion = CompanionServer.Start();
        await using var _ = companion;
        var token = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, token.Token, token.Id);
        var page = await chromium.OpenSellerCentralAsync();
        var panel = page.Locator("refully-panel [data-part=body]");
        await Expect(panel).ToHaveAttributeAsync("data-state", "paired");

        // Act: the seller closes the companion, then the page moves on.
        await companion.StopAsync();
        await page.EvaluateAsync("() => window.sellerCentralApp.navigate('/reportcentral/REIMBURSEMENTS/0')");

        // Assert
        await Expect(panel).ToHaveAttributeAsync("data-state", "offline");
        await Expect(panel).ToContainTextAsync("Companion offline");
        await chromium.WaitForBadgeAsync("off");
        var popup = await chromium.OpenPopupAsync();
        await Expect(popup.Locator("#state")).ToHaveTextAsync("Offline");
        await Expect(popup.Locator("#offline-url")).ToHaveTextAsync(companion.Url);
    }

    [Fact]
    public async Task AnotherProgramOnThePortIsNotTakenForTheCompanion()
    {
        // Arrange: something that is not the companion answers HTTP on the configured port.
        using var impostor = new System.Net.HttpListener();
        var port = FreePort();
        impostor.Prefixes.Add($"http://127.0.0.1:{port}/");
        impostor.Start();
        var requests = new List<string>();
        var serving = Task.Run(async () =>
        {
            while (impostor.IsListening)
            {
                var context = await impostor.GetContextAsync();
                lock (requests) { requests.Add($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath} auth={context.Request.Headers["Authorization"] ?? "none"}"); }
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync("{\"service\":\"something-else\"}"u8.ToArray());
                context.Response.Close();
            }
        });
        await chromium.ResetAsync($"http://127.0.0.1:{port}", "a-token-that-must-not-leak", "id1");

        // Act
        var page = await chromium.OpenSellerCentralAsync();

        // Assert: treated as offline, and the token was never sent to it.
        await Expect(page.Locator("refully-panel [data-part=body]")).ToHaveAttributeAsync("data-state", "offline");
        lock (requests)
        {
            requests.Should().NotBeEmpty().And.OnlyContain(r => r.StartsWith("GET /api/ping") && r.EndsWith("auth=none"));
        }
        impostor.Stop();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
