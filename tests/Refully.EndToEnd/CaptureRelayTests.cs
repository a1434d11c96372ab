using System.Text.Json;
using Refully.EndToEnd.Infrastructure;

namespace Refully.EndToEnd;

/// <summary>
/// The capture relay (extension/relay, extension/content/handover.js): after the first answer, captures reach the
/// service worker through a hidden frame of the extension and a MessageChannel; the page can neither use that frame
/// nor a relay frame of its own, and a page that removes it only sends Refully back to chrome.runtime.sendMessage.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class CaptureRelayTests(ChromiumFixture chromium)
{
    internal static Task<JsonElement> TimingAfterAsync(Microsoft.Playwright.IPage page, int count) =>
        Eventually.UntilAsync(
            () => page.EvaluateAsync<JsonElement>("n => (window.refullyTimings ?? [])[n] ?? null", count),
            t => t.ValueKind == JsonValueKind.Object, $"capture timing #{count + 1}");

    private static async Task<JsonElement> ChangeAndCaptureAsync(Microsoft.Playwright.IPage page, string date)
    {
        var count = await page.EvaluateAsync<int>("() => (window.refullyTimings ?? []).length");
        await page.EvaluateAsync("d => { document.querySelector('kat-table-body kat-table-row kat-table-cell').textContent = d; }", date);
        return await TimingAfterAsync(page, count);
    }

    private async Task<(CompanionServer Companion, Microsoft.Playwright.IPage Page)> OpenWithRelayAsync()
    {
        var (companion, page) = await PageCaptureTests.OpenPairedLedgerReportAsync(chromium);
        await TimingAfterAsync(page, 0);
        await Eventually.UntilAsync(() => page.EvaluateAsync<int>("() => document.querySelectorAll('refully-relay').length"), n => n == 1, "the relay frame");
        return (companion, page);
    }

    [Fact]
    public async Task CapturesAfterTheFirstGoThroughTheRelayAndTheCompanionAnswersThem()
    {
        // Arrange: a paired extension on the ledger page; the first capture went by message and opened the relay.
        var (companion, page) = await OpenWithRelayAsync();
        await using var _ = companion;
        var first = await page.EvaluateAsync<JsonElement>("() => window.refullyTimings[0]");
        first.GetProperty("handOver").GetString().Should().Be("message");

        // Act: the page changes, twice.
        var second = await Eventually.UntilAsync(() => ChangeAndCaptureAsync(page, "09/20/2026"), t => t.GetProperty("handOver").GetString() == "relay", "a capture through the relay");
        var received = companion.PageBodyEncodings.Count;
        var third = await ChangeAndCaptureAsync(page, "09/21/2026");

        // Assert: through the relay, answered (badges and panel drawn from the answer), received by the companion; the
        // relay's host shows nothing, its shadow root is closed to the page, and it is not part of the capture.
        third.GetProperty("handOver").GetString().Should().Be("relay");
        companion.PageBodyEncodings.Count.Should().Be(received + 1);
        (await page.Locator("refully-panel [data-part=page-type]").TextContentAsync()).Should().Be("InventoryLedger");
        var host = await page.EvaluateAsync<JsonElement>("() => { const h = document.querySelector('refully-relay'); return { hidden: h.hidden, root: h.shadowRoot === null, height: h.getBoundingClientRect().height }; }");
        host.GetProperty("hidden").GetBoolean().Should().BeTrue();
        host.GetProperty("root").GetBoolean().Should().BeTrue("the page gets no handle on the frame's element");
        host.GetProperty("height").GetDouble().Should().Be(0);
        second.GetProperty("htmlChars").GetInt32().Should().Be(third.GetProperty("htmlChars").GetInt32(), "the same page, one character of a date changed either way");
        var visit = await PageCaptureTests.WaitForVisitAsync(companion, new Uri(page.Url).AbsolutePath);
        visit.PageType.Should().Be("InventoryLedger");
    }

    [Fact]
    public async Task APageScriptCanUseNeitherRefullysRelayNorOneOfItsOwn()
    {
        // Arrange: the relay is open.
        var (companion, page) = await OpenWithRelayAsync();
        await using var _ = companion;
        await Eventually.UntilAsync(() => ChangeAndCaptureAsync(page, "09/22/2026"), t => t.GetProperty("handOver").GetString() == "relay", "a capture through the relay");
        var relayUrl = $"{chromium.ExtensionOrigin}/extension/relay/relay.html";

        // Act 1: the page offers ports with guessed keys to every frame (Refully's relay included) and to a relay frame it
        // loads itself (the file is web-accessible on Seller Central), then posts a capture on each port.
        var heard = await page.EvaluateAsync<int>(
            """
            async relayUrl => {
              const own = document.createElement("iframe");
              own.src = relayUrl;
              own.name = "page-relay";
              await new Promise(resolve => { own.onload = resolve; document.body.append(own); });
              let heard = 0;
              const capture = { url: location.origin + "/forged/page", title: "x", capturedAt: new Date().toISOString(), html: "<html><body><h1>forged</h1></body></html>" };
              for (let i = 0; i < window.frames.length; i++) {
                for (const key of ["", "guess", "00000000-0000-0000-0000-000000000000"]) {
                  const channel = new MessageChannel();
                  channel.port1.onmessage = () => { heard++; };
                  window.frames[i].postMessage({ refullyRelay: key }, "*", [channel.port2]);
                  channel.port1.postMessage({ id: 1, args: capture });
                  window.frames[i].postMessage({ id: 1, args: capture }, "*");
                }
              }
              await new Promise(resolve => setTimeout(resolve, 3000));
              return heard;
            }
            """, relayUrl);

        // Assert 1: no frame answered and the companion stored no forged page (the page's own frame is a change of the
        // page, so the page itself may be captured again).
        heard.Should().Be(0);
        companion.Pages.RecentVisits(50).Should().NotContain(v => v.Path == "/forged/page");

        // Act 2: even code running inside the page's own relay frame (the page cannot run any; the test does, through
        // the debugger) gets nothing from the worker: not as an extension page, not with a guessed key.
        var frame = page.Frames.Single(f => f.Name == "page-relay");
        frame.Url.Should().StartWith(relayUrl);
        var replies = await frame.EvaluateAsync<JsonElement>(
            """
            async () => ({
              settings: await chrome.runtime.sendMessage({ action: "getSettings", args: {} }),
              hello: await chrome.runtime.sendMessage({ action: "relayHello", args: { key: "guess" } }),
              capture: await chrome.runtime.sendMessage({ action: "relayCapture", args: { key: "guess", capture: { url: "x", html: "y" } } }),
              asTab: await chrome.runtime.sendMessage({ action: "capturePage", args: { url: "https://sellercentral.amazon.com/x", html: "y" } }),
            })
            """);

        // Assert 2: every one refused as not allowed.
        foreach (var reply in replies.EnumerateObject().Where(r => !r.Name.StartsWith('$')))
        {
            reply.Value.GetProperty("ok").GetBoolean().Should().BeFalse(reply.Name);
            reply.Value.GetProperty("error").GetProperty("code").GetString().Should().Be("SENDER_NOT_ALLOWED", reply.Name);
        }
        companion.Pages.RecentVisits(50).Should().NotContain(v => v.Path == "/forged/page" || v.Path == "/x");
    }

    [Fact]
    public async Task WhenThePageRemovesTheRelayCapturesStillArriveAndANewRelayOpens()
    {
        // Arrange: the relay is open and used.
        var (companion, page) = await OpenWithRelayAsync();
        await using var _ = companion;
        await Eventually.UntilAsync(() => ChangeAndCaptureAsync(page, "09/23/2026"), t => t.GetProperty("handOver").GetString() == "relay", "a capture through the relay");

        // Act: the page takes Refully's relay host out, then changes.
        await page.EvaluateAsync("() => document.querySelector('refully-relay').remove()");
        var received = companion.PageBodyEncodings.Count;
        var next = await ChangeAndCaptureAsync(page, "09/24/2026");

        // Assert: that capture went by message and was answered; a new relay opens and the one after uses it.
        next.GetProperty("handOver").GetString().Should().Be("message");
        companion.PageBodyEncodings.Count.Should().Be(received + 1);
        await Eventually.UntilAsync(() => page.EvaluateAsync<int>("() => document.querySelectorAll('refully-relay').length"), n => n == 1, "a new relay frame");
        var after = await Eventually.UntilAsync(() => ChangeAndCaptureAsync(page, "09/25/2026"), t => t.GetProperty("handOver").GetString() == "relay", "a capture through the new relay");
        after.GetProperty("handOver").GetString().Should().Be("relay");
    }
}
