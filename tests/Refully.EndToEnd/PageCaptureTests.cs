using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Refully.Companion.Storage;
using Refully.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Refully.EndToEnd;

/// <summary>A paired extension captures Seller Central pages, shadow roots included, and draws the companion's answer.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class PageCaptureTests(ChromiumFixture chromium)
{
    private static readonly string[] LedgerHeaders = ["Date", "FNSKU", "ASIN", "Event Type", "Quantity", "Reason"];
    private static readonly string[] ReimbursementHeaders = ["Approval date", "Reimbursement ID", "Reason", "Amount total"];

    [Fact]
    public async Task KatalTableHeadersThatLiveOnlyInShadowRootsReachTheCompanionAndThePanel()
    {
        // Arrange: the header texts are not in the page's HTML, only in the shadow roots its script attaches.
        var fixtureHtml = await File.ReadAllTextAsync(RepositoryRoot.Fixture("inventory-ledger.html"));
        fixtureHtml.Should().NotContainAny(LedgerHeaders);
        await using var companion = CompanionServer.Start();
        var token = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, token.Token, token.Id);

        // Act
        var page = await chromium.OpenSellerCentralAsync();

        // Assert: the companion stored the visit with the shadow-root header texts…
        var visit = await WaitForVisitAsync(companion, ChromiumFixture.LedgerPath);
        visit.PageType.Should().Be("InventoryLedger");
        visit.Marketplace.Should().Be("US");
        visit.Tables.Should().ContainSingle();
        visit.Tables[0].Headers.Should().Equal(LedgerHeaders);
        visit.Tables[0].Rows.Should().Be(3);
        var rootsInPage = await page.EvaluateAsync<int>(CountOpenShadowRootsOutsideRefully);
        rootsInPage.Should().BeGreaterThan(8, "header cells, buttons and kat-box have content in their roots, and kat-box nests one more");
        visit.ShadowRoots.Should().Be(rootsInPage, "every open shadow root with content of its own, nested ones included, is captured");

        // …and the panel shows the answer.
        var panel = page.Locator("refully-panel [data-part=body]");
        await Expect(panel).ToHaveAttributeAsync("data-state", "paired");
        await Expect(panel.Locator("[data-part=page-type]")).ToHaveTextAsync("InventoryLedger");
        await Expect(panel.Locator("[data-part=marketplace]")).ToHaveTextAsync("US");
        await Expect(panel.Locator("[data-part=table]")).ToHaveTextAsync($"{string.Join(" · ", LedgerHeaders)} — 3 rows");
        await chromium.WaitForBadgeAsync("on");

        // The panel collapses to its title bar and opens again.
        var toggle = page.Locator("refully-panel header button");
        await toggle.ClickAsync();
        await Expect(panel).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await Expect(panel).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ALargeCaptureTravelsGzipCompressedAndArrivesWhole()
    {
        // Arrange: a paired extension on the ledger page (3 rows: a small capture, sent as it is).
        await using var companion = CompanionServer.Start();
        var token = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, token.Token, token.Id);
        var page = await chromium.OpenSellerCentralAsync();
        await WaitForVisitAsync(companion, ChromiumFixture.LedgerPath);
        companion.PageBodyEncodings.Should().NotBeEmpty().And.OnlyContain(e => e == "", "a capture under 32 K characters is not compressed");

        // Act: the table grows to 603 rows (well over 32 K characters), as a "show 500 per page" would.
        await page.EvaluateAsync("""
            () => {
              const body = document.querySelector("kat-table-body");
              const row = body.querySelector("kat-table-row");
              for (let i = 0; i < 600; i++) body.append(row.cloneNode(true));
            }
            """);

        // Assert: the companion read all of it, and it came gzip-compressed.
        var visit = await Eventually.Until(
            () => companion.Pages.RecentVisits(20).FirstOrDefault(v => v.Path == ChromiumFixture.LedgerPath && v.Tables.Count > 0 && v.Tables[0].Rows == 603),
            v => v is not null, "the companion to store the capture of the grown table");
        visit!.Tables[0].Headers.Should().Equal(LedgerHeaders);
        companion.PageBodyEncodings.Should().Contain("gzip");
    }

    [Fact]
    public async Task InlineStyleChangesAloneAreNotCapturedAgainButContentChangesAre()
    {
        // Arrange: a paired extension on the ledger page, first capture stored; the page counts the captures
        // (each one asks the page-world root finder with a `refully:find-roots` event on document).
        var (companion, page) = await OpenPairedLedgerReportAsync(chromium);
        await using var _ = companion;
        await page.WaitForTimeoutAsync(1000);
        await page.EvaluateAsync("() => { window.captures = 0; document.addEventListener('refully:find-roots', () => window.captures++, true); }");

        // Act 1: the page animates rows and positions a tooltip through inline styles for a while.
        for (var i = 0; i < 8; i++)
        {
            await page.EvaluateAsync("i => document.querySelectorAll('kat-table-row').forEach(row => row.style.opacity = String(0.5 + i / 20))", i);
            await page.WaitForTimeoutAsync(100);
        }
        await page.WaitForTimeoutAsync(1500);

        // Assert 1: no capture.
        (await page.EvaluateAsync<int>("() => window.captures")).Should().Be(0, "inline styles are nothing the companion reads");

        // Act 2: a cell's text changes.
        await page.EvaluateAsync("() => { document.querySelector('kat-table-body kat-table-row kat-table-cell').textContent = '09/13/2026'; }");

        // Assert 2: captured again.
        await Eventually.UntilAsync(() => page.EvaluateAsync<int>("() => window.captures"), n => n > 0, "a capture after the content changed");
    }

    [Fact]
    public async Task ACaptureWaitsForThePagesIdleTimeButNeverMoreThanASecond()
    {
        // Arrange: a paired extension on the ledger page, first capture answered; the page notes when each capture
        // starts (each one asks the page-world root finder with a `refully:find-roots` event on document).
        var (companion, page) = await OpenPairedLedgerReportAsync(chromium);
        await using var _ = companion;
        await LastTimingAsync(page);
        await page.EvaluateAsync("() => { window.captureStarts = []; document.addEventListener('refully:find-roots', () => window.captureStarts.push(performance.now()), true); }");

        // Act 1: a cell's text changes, and the page keeps its main thread busy for 3 s in back-to-back 20 ms tasks
        // (a message to itself is always waiting), so it never has an idle period.
        var timings = await page.EvaluateAsync<int>("() => window.refullyTimings.length");
        await page.EvaluateAsync(
            """
            () => {
              window.changedAt = performance.now();
              document.querySelector('kat-table-body kat-table-row kat-table-cell').textContent = '09/14/2026';
              const until = window.changedAt + 3000;
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                const end = performance.now() + 20;
                while (performance.now() < end) {}
                if (performance.now() < until) channel.port2.postMessage(0);
                else window.busyEndedAt = performance.now();
              };
              channel.port2.postMessage(0);
            }
            """);

        // Assert 1: captured while the page was still busy: 600 ms of quiet after the change, then at most 1 s waiting
        // for an idle period that never came.
        var busy = await Eventually.UntilAsync(
            () => page.EvaluateAsync<JsonElement>("n => ({ timing: window.refullyTimings[n] ?? null, starts: window.captureStarts, changedAt: window.changedAt, busyEndedAt: window.busyEndedAt ?? null })", timings),
            v => v.GetProperty("timing").ValueKind == JsonValueKind.Object && v.GetProperty("busyEndedAt").ValueKind == JsonValueKind.Number,
            "the capture's timings and the end of the busy period", TimeSpan.FromSeconds(15));
        var started = busy.GetProperty("starts")[0].GetDouble() - busy.GetProperty("changedAt").GetDouble();
        started.Should().BeGreaterThan(1400, "600 ms of quiet, then the idle wait's 1 s ceiling (less a timer's slack)");
        busy.GetProperty("starts")[0].GetDouble().Should().BeLessThan(busy.GetProperty("busyEndedAt").GetDouble(), "the wait for idle time has a ceiling");
        busy.GetProperty("timing").GetProperty("idleWaitMs").GetDouble().Should().BeInRange(950, 2000);

        // Act 2: another change on the now quiet page.
        timings = await page.EvaluateAsync<int>("() => window.refullyTimings.length");
        await page.EvaluateAsync("() => { document.querySelector('kat-table-body kat-table-row kat-table-cell').textContent = '09/15/2026'; }");

        // Assert 2: captured in the first idle period, well before the ceiling.
        var quiet = await CaptureRelayTests.TimingAfterAsync(page, timings);
        quiet.GetProperty("idleWaitMs").GetDouble().Should().BeLessThan(900, "a quiet page has idle time right away");
    }

    private static Task<JsonElement> LastTimingAsync(IPage page) => InlineBadgeTests.LastTimingAsync(page, _ => true);

    /// <summary>A paired extension on the ledger report's online view, its first capture stored. The caller disposes the companion.</summary>
    internal static async Task<(CompanionServer Companion, IPage Page)> OpenPairedLedgerReportAsync(ChromiumFixture chromium)
    {
        var companion = CompanionServer.Start();
        var token = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, token.Token, token.Id);
        var page = await chromium.OpenSellerCentralAsync(ChromiumFixture.ReportPath("INVENTORY_LEDGER"));
        await WaitForVisitAsync(companion, new Uri(page.Url).AbsolutePath);
        return (companion, page);
    }

    [Fact]
    public async Task SpaNavigationToAnotherSellerCentralPageIsCapturedAgain()
    {
        // Arrange: a paired extension on the ledger page, first capture stored.
        await using var companion = CompanionServer.Start();
        var token = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, token.Token, token.Id);
        var page = await chromium.OpenSellerCentralAsync();
        await WaitForVisitAsync(companion, ChromiumFixture.LedgerPath);

        // Act: the site's router changes the URL with pushState and renders new Katal content, no reload.
        await page.EvaluateAsync("() => window.sellerCentralApp.navigate('/reportcentral/REIMBURSEMENTS/0')");

        // Assert
        var visit = await WaitForVisitAsync(companion, "/reportcentral/REIMBURSEMENTS/0");
        visit.PageType.Should().Be("Reimbursements");
        visit.Tables.Should().ContainSingle().Which.Headers.Should().Equal(ReimbursementHeaders);
        visit.Tables[0].Rows.Should().Be(2);
        var panel = page.Locator("refully-panel [data-part=body]");
        await Expect(panel.Locator("[data-part=page-type]")).ToHaveTextAsync("Reimbursements");
        await Expect(panel.Locator("[data-part=table]")).ToHaveTextAsync($"{string.Join(" · ", ReimbursementHeaders)} — 2 rows");

        // A URL change alone (no DOM mutation at all) is a navigation too: it is captured as well.
        await page.EvaluateAsync("() => history.pushState({}, '', '/reportcentral/CUSTOMER_RETURNS/0')");
        var returns = await WaitForVisitAsync(companion, "/reportcentral/CUSTOMER_RETURNS/0");
        returns.PageType.Should().Be("Unrecognised", "the address says Customer Returns but the page still shows the reimbursements table, and the companion's DOM check refuses it");
    }

    public static TheoryData<string> CapturedPages() => new()
    {
        ChromiumFixture.LedgerPath,
        ChromiumFixture.ReportPath("INVENTORY_LEDGER"),
        ChromiumFixture.ReportPath("REIMBURSEMENTS"),
        $"/reportcentral/INVENTORY_LEDGER/0/bench/{Uri.EscapeDataString("{\"pageOffset\":1}")}",
    };

    [Theory]
    [MemberData(nameof(CapturedPages))]
    public async Task TheCaptureLeavesOutOnlyWhatTheCompanionDropsAnyway(string path)
    {
        // Arrange: a page with Refully's panel drawn (no companion: it says offline), Katal roots with and
        // without content, header cells whose roots start with <style>, and (the benchmark page) long inline scripts.
        await chromium.ResetAsync("http://127.0.0.1:9");
        var page = await chromium.OpenSellerCentralAsync(path);
        await Expect(page.Locator("refully-panel [data-part=body]")).ToHaveAttributeAsync("data-state", "offline");

        // Act: in one task, the extension's capture (its own code, run in the page) and the page serialised
        // with every open shadow root and every script body.
        var (captured, full) = await CaptureBothAsync(page);

        // Assert: fewer characters, and the companion composes both to the same page once it leaves out what it
        // never reads (scripts, Refully's own elements) and the empty <slot> an empty Katal cell's pass-through
        // root leaves behind (no text, no element: nothing a parser sees).
        captured.Length.Should().BeLessThan(full.Length);
        Composed(captured).Should().Be(Composed(full));
    }

    public static TheoryData<string> AnsweredPages() => new()
    {
        ChromiumFixture.ReportPath("INVENTORY_LEDGER"),
        ChromiumFixture.ReportPath("REIMBURSEMENTS"),
        $"/reportcentral/INVENTORY_LEDGER/0/bench/{Uri.EscapeDataString("{\"pageOffset\":1}")}",
    };

    [Theory]
    [MemberData(nameof(AnsweredPages))]
    public async Task TheCompanionAnswersTheCaptureAsItAnswersTheWholePage(string path)
    {
        // Arrange: the page with Refully's panel drawn, and two companions with the same findings seeded (the
        // benchmark's for its page, the ledger's and two reimbursements for the report views).
        await chromium.ResetAsync("http://127.0.0.1:9");
        var page = await chromium.OpenSellerCentralAsync(path);
        await Expect(page.Locator("refully-panel [data-part=body]")).ToHaveAttributeAsync("data-state", "offline");
        Seed[] seeds = path.Contains("/bench/", StringComparison.Ordinal)
            ? [.. Bench.BrowserBenchmark.Seeds(1)]
            : [.. LedgerSeeds.All,
                new Seed("below-cost-5551234567", Companion.Detection.ClaimType.ReimbursedBelowCost, 3, DaysToDeadline: 40, Amount: 8.70m, ReferenceId: "5551234567", Fnsku: "X00ABCD123"),
                new Seed("refund-114-7654321-1234567", Companion.Detection.ClaimType.RefundNotReturned, 1, DaysToDeadline: 25, Amount: 13.90m, OrderId: "114-7654321-1234567", Fnsku: "X00MNOP012")];
        await using var companionOfCapture = CompanionServer.Start();
        await using var companionOfPage = CompanionServer.Start();
        companionOfCapture.SeedFindings(seeds);
        companionOfPage.SeedFindings(seeds);

        // Act: the extension's capture (its own code) and the whole page (every open shadow root, every script and
        // style body, the navigation, Refully's panel), each read by its own companion.
        var (captured, full) = await CaptureBothAsync(page);
        var request = (string html) => new Refully.Companion.Pages.PageCaptureRequest(page.Url, "Seller Central", DateTimeOffset.UtcNow, html);
        var fromCapture = companionOfCapture.Services.GetRequiredService<Refully.Companion.Pages.PageIntake>().Accept(request(captured));
        var fromPage = companionOfPage.Services.GetRequiredService<Refully.Companion.Pages.PageIntake>().Accept(request(full));

        // Assert: the capture is smaller, and both answers are the same: page type, headings, tables, records read
        // and stored, every finding with its anchors, totals (only the capture's id, the number of shadow roots
        // composed and timestamps differ). The page has findings to place, so anchors are compared too.
        captured.Length.Should().BeLessThan(full.Length * 9 / 10);
        fromCapture.Rejection.Should().BeNull();
        fromPage.Rejection.Should().BeNull();
        var answer = Comparable(fromCapture.Answer!);
        answer.Should().Be(Comparable(fromPage.Answer!));
        fromCapture.Answer!.Findings.Should().NotBeEmpty();
        fromCapture.Answer.Findings.Should().OnlyContain(f => f.Anchors.Count > 0);
        fromCapture.Answer.Records.Read.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task AMenuIsLeftEmptyOnlyWhileItHoldsNothingAParserReads()
    {
        // Arrange: the reimbursements view, whose <nav> holds only links.
        await chromium.ResetAsync("http://127.0.0.1:9");
        var page = await chromium.OpenSellerCentralAsync(ChromiumFixture.ReportPath("REIMBURSEMENTS"));
        var source = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "extension", "content", "capture-page.js"));
        await page.EvaluateAsync("source => { (0, eval)(source); window.captureNow = () => { const { capture } = window.Refully; return capture.strip(capture.serialise(capture.openShadowRoots(e => e.localName.startsWith('refully-')))); }; }", source);
        const string Nav = "html => html.slice(html.indexOf('<nav'), html.indexOf('</nav>') + 6)";

        // Act: captured as it is, after the menu gains a heading, and after the heading is gone again.
        var menuOnly = await page.EvaluateAsync<string>($"() => ({Nav})(window.captureNow())");
        var withHeading = await page.EvaluateAsync<string>(
            $"async () => {{ const h = document.createElement('h2'); h.id = 'added'; h.textContent = 'Reimbursements'; document.querySelector('nav').append(h); await Promise.resolve(); return ({Nav})(window.captureNow()); }}");
        var menuAgain = await page.EvaluateAsync<string>(
            $"async () => {{ document.getElementById('added').remove(); await Promise.resolve(); return ({Nav})(window.captureNow()); }}");

        // Assert
        menuOnly.Should().Be("<nav aria-label=\"Seller Central\"></nav>");
        withHeading.Should().Contain("<h2 id=\"added\">Reimbursements</h2>").And.Contain("Case Log", "a nav holding a heading is kept whole");
        menuAgain.Should().Be(menuOnly);
    }

    [Fact]
    public async Task WhatThePageNamesToTheCaptureIsCheckedAndChangesNothing()
    {
        // Arrange: the page answers every capture's `refully:find-roots` itself too, naming elements the capture must
        // not write empty: the report table, the heading, the main element, the body, a Katal box, the toolbar, a row,
        // and a <style> and a label inside a header cell's shadow root (page-world.js names only the document's own
        // <script>, <style>, <noscript> and <nav> elements with content).
        const string Forge = """
            () => {
              window.pageScriptRan = 0;
              const label = document.querySelector("kat-table-cell[header]").shadowRoot;
              const targets = ["#report", "h1", "main", "body", "kat-box", "#toolbar"].map(s => document.querySelector(s))
                .concat([label.querySelector("style"), label.querySelector("span"), document.querySelector("kat-table-body kat-table-row")]);
              document.addEventListener("refully:find-roots", () => {
                for (const target of targets) {
                  target.dispatchEvent(new CustomEvent("refully:emptiable", { composed: true }));
                }
                window.pageScriptRan++;
              }, true);
            }
            """;

        // Act + Assert: the capture after a change is the capture before it with only the changed cell different.
        await AssertTheNextCaptureIsTheSameAfterAsync(Forge);
    }

    [Fact]
    public async Task APageThatSilencesThePageWorldScriptStillGetsTheSameCapture()
    {
        // Arrange: the page stops every `refully:find-roots` before it reaches page-world.js (a window listener in the
        // capture phase), so no roots and no emptiable elements are named: the content script walks the page itself.
        const string Silence = """
            () => {
              window.pageScriptRan = 0;
              window.addEventListener("refully:find-roots", event => { event.stopImmediatePropagation(); window.pageScriptRan++; }, true);
            }
            """;

        // Act + Assert: the same capture as with the page-world script's answer.
        await AssertTheNextCaptureIsTheSameAfterAsync(Silence);
    }

    // A paired extension on the ledger report, its first capture kept as it came; then the page script runs, the first
    // body cell's text changes (same length) so the page is captured again, and that capture must be the first one with
    // only the cell changed. The page script must have run during that capture (it counts in window.pageScriptRan).
    private async Task AssertTheNextCaptureIsTheSameAfterAsync(string pageScript)
    {
        await using var companion = CompanionServer.Start(keepRawPages: true);
        var token = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, token.Token, token.Id);
        var page = await chromium.OpenSellerCentralAsync(ChromiumFixture.ReportPath("INVENTORY_LEDGER"));
        await Eventually.Until(() => companion.Pages.RawPages(), raw => raw.Count == 1, "the first capture kept");
        await page.WaitForTimeoutAsync(1000);
        var before = companion.Pages.RawPages()[0].Html;
        await page.EvaluateAsync(pageScript);

        var texts = await page.EvaluateAsync<string[]>("""
            () => {
              const cell = document.querySelector("kat-table-body kat-table-cell");
              const old = cell.textContent;
              cell.textContent = old.replace(/[0-9]/g, d => String(9 - d));
              return [old, cell.textContent];
            }
            """);
        var (old, changed) = (texts[0], texts[1]);
        var raw = await Eventually.Until(() => companion.Pages.RawPages(), r => r.Count == 2, "the capture after the change kept");

        (await page.EvaluateAsync<int>("() => window.pageScriptRan")).Should().BeGreaterThan(0);
        changed.Should().NotBe(old);
        before.Should().Contain("<script type=\"application/json\" id=\"report-data\"></script>", "the long inline script is written empty");
        var at = before.IndexOf(old, before.IndexOf("<kat-table-body", StringComparison.Ordinal), StringComparison.Ordinal);
        at.Should().BePositive();
        raw[1].Html.Should().Be(before[..at] + changed + before[(at + old.Length)..]);
    }

    [Fact]
    public async Task TheRootsCapturedAreExactlyThoseTheRuleNames()
    {
        // Arrange: the extension's capture code in the page's world (where page-world.js runs it) and the rule written
        // plainly: every open shadow root, nested ones included, except Refully's and those that are pass-through
        // (only <style>/<link> elements, white-space text, comments and exactly one default <slot> with no child).
        await chromium.ResetAsync("http://127.0.0.1:9");
        var page = await chromium.OpenSellerCentralAsync();
        var source = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "extension", "content", "capture-page.js"));

        // Act: 300 random pages of hosts (light DOM and nested inside roots) whose roots hold random mixes of HTML and
        // SVG <style>/<slot>, elements of another namespace named like them, <link>, named and filled slots, text
        // (white space, no-break space, words), comments, closed roots and Refully's own hosts; found both ways.
        var result = await page.EvaluateAsync<int[]>(
            """
            source => {
              (0, eval)(source);
              const { capture } = window.Refully;
              let seed = 12345;
              const random = n => { seed = (seed * 1664525 + 1013904223) >>> 0; return Math.floor(seed / 4294967296 * n); };
              const SVG = "http://www.w3.org/2000/svg";
              const parts = [
                () => document.createElement("style"), () => document.createElement("style"), () => document.createElement("link"),
                () => document.createElement("slot"), () => document.createElement("slot"), () => document.createElement("slot"),
                () => Object.assign(document.createElement("slot"), { name: random(2) ? "x" : "" }),
                () => { const slot = document.createElement("slot"); slot.append(random(2) ? "fallback" : document.createComment("c")); return slot; },
                () => document.createElementNS(SVG, "style"), () => document.createElementNS(SVG, "slot"), () => document.createElementNS("urn:x", "link"),
                () => document.createTextNode(" \n\t"), () => document.createTextNode("\u00a0"), () => document.createTextNode("text"),
                () => document.createComment("note"), () => document.createElement("span"), () => document.createElement("kat-label"),
              ];
              const isRule = root => {
                let slots = 0;
                for (const node of root.childNodes) {
                  if (node.nodeType === Node.ELEMENT_NODE) {
                    if (node.localName === "slot") {
                      if (slots++ !== 0 || node.firstChild || node.hasAttribute("name")) return false;
                    } else if (node.localName !== "style" && node.localName !== "link") {
                      return false;
                    }
                  } else if (node.nodeType === Node.TEXT_NODE && node.data.trim() !== "") {
                    return false;
                  }
                }
                return slots === 1;
              };
              const reference = () => {
                const found = [];
                const pending = [document];
                while (pending.length) {
                  for (const element of pending.pop().querySelectorAll("*")) {
                    const root = element.shadowRoot;
                    if (root && !element.localName.startsWith("refully-") && !isRule(root)) {
                      found.push(root);
                      pending.push(root);
                    }
                  }
                }
                return found;
              };
              let same = 0, rounds = 0, withContent = 0, passThrough = 0;
              for (let round = 0; round < 300; round++) {
                const area = document.createElement("div");
                document.body.append(area);
                const hosts = [area];
                for (let h = 0; h < 1 + random(25); h++) {
                  const host = document.createElement(["x-row", "x-cell", "div", "span", "refully-badge"][random(5)]);
                  const root = host.attachShadow({ mode: random(8) ? "open" : "closed" });
                  for (let c = 0; c < random(4); c++) root.append(parts[random(parts.length)]());
                  const parent = hosts[random(hosts.length)];
                  (parent.shadowRoot && random(2) ? parent.shadowRoot : parent).append(host);
                  if (random(3) === 0) host.append("light text");
                  if (host.shadowRoot) hosts.push(host);
                }
                const expected = reference();
                const actual = capture.openShadowRoots(element => element.localName.startsWith("refully-"));
                rounds++;
                if (actual.length === expected.length && actual.every(root => expected.includes(root))) same++;
                for (const host of hosts.slice(1)) {
                  if (host.shadowRoot) {
                    isRule(host.shadowRoot) ? passThrough++ : withContent++;
                    if (capture.isPassThrough(host.shadowRoot) !== isRule(host.shadowRoot)) same -= 1000;
                  }
                }
                area.remove();
              }
              return [same, rounds, withContent, passThrough];
            }
            """, source);

        // Assert: the same roots on every page, the same verdict for every root, and both kinds of root occurred.
        result[0].Should().Be(result[1], "the capture finds exactly the roots the rule names");
        result[2].Should().BeGreaterThan(500);
        result[3].Should().BeGreaterThan(100);
    }

    // The extension's capture and the page serialised with every open shadow root and nothing left out.
    private static async Task<(string Captured, string Full)> CaptureBothAsync(IPage page)
    {
        var source = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "extension", "content", "capture-page.js"));
        var both = await page.EvaluateAsync<string[]>(
            """
            source => {
              (0, eval)(source);
              const { capture } = window.Refully;
              const refully = element => element.localName.startsWith("refully-");
              // As the extension captures: the emptiable elements collected in the same walk as the roots. The
              // capture without them (the document's tag collections) must be the same.
              const emptiable = [];
              const captured = "<!DOCTYPE html>" + capture.strip(capture.serialise(capture.openShadowRoots(refully, emptiable), emptiable));
              const byCollections = "<!DOCTYPE html>" + capture.strip(capture.serialise(capture.openShadowRoots(refully)));
              if (byCollections !== captured) throw new Error("the capture differs with and without the walk's emptiable elements");
              const every = [];
              const pending = [document];
              while (pending.length) {
                for (const element of pending.pop().querySelectorAll("*")) {
                  if (element.shadowRoot) {
                    every.push(element.shadowRoot);
                    pending.push(element.shadowRoot);
                  }
                }
              }
              return [captured, "<!DOCTYPE html>" + document.documentElement.getHTML({ shadowRoots: every })];
            }
            """, source);
        return (both[0], both[1]);
    }

    // The answer as JSON without what differs between any two captures of one page.
    private static string Comparable(Refully.Companion.Pages.PageAnswer answer)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(answer with { CaptureId = "", ShadowRoots = 0 }))!;
        void Strip(System.Text.Json.Nodes.JsonNode? current)
        {
            if (current is System.Text.Json.Nodes.JsonObject obj)
            {
                foreach (var name in obj.Select(p => p.Key).Where(k => k.EndsWith("At", StringComparison.Ordinal)).ToList())
                {
                    obj.Remove(name);
                }
                foreach (var property in obj)
                {
                    Strip(property.Value);
                }
            }
            else if (current is System.Text.Json.Nodes.JsonArray array)
            {
                foreach (var item in array)
                {
                    Strip(item);
                }
            }
        }
        Strip(node);
        return node.ToJsonString();
    }

    // The page as the companion composes it, without what it never reads: scripts, Refully's own elements, the
    // empty <slot> an empty Katal cell's pass-through root leaves behind, and the content of what the capture
    // writes empty (style, noscript, menu-only navigation; the answer test above shows the companion reads the same).
    private static string Composed(string html)
    {
        var document = Refully.Companion.Pages.ComposedDocument.Parse(html).Document;
        foreach (var element in document.QuerySelectorAll("*")
                     .Where(e => e.LocalName is "script" || e.LocalName.StartsWith("refully-", StringComparison.Ordinal) || (e.LocalName is "slot" && e.ChildNodes.Length == 0))
                     .ToList())
        {
            element.Remove();
        }
        foreach (var element in document.QuerySelectorAll("style, noscript, nav").ToList())
        {
            element.InnerHtml = "";
        }
        var comments = new List<AngleSharp.Dom.INode>();
        var pending = new Stack<AngleSharp.Dom.INode>([document]);
        while (pending.Count > 0)
        {
            foreach (var child in pending.Pop().ChildNodes)
            {
                (child.NodeType == AngleSharp.Dom.NodeType.Comment ? comments : null)?.Add(child);
                pending.Push(child);
            }
        }
        foreach (var comment in comments)
        {
            comment.Parent?.RemoveChild(comment);
        }
        return document.DocumentElement.OuterHtml;
    }

    internal static Task<PageVisitDocument> WaitForVisitAsync(CompanionServer companion, string path) =>
        Eventually.Until(
            () => companion.Pages.RecentVisits(20).FirstOrDefault(v => v.Path == path),
            visit => visit is not null,
            $"the companion to store a capture of {path}")!;

    // The same walk the extension does, from the page's own world, skipping Refully's hosts and the
    // pass-through roots (only <style> and one default <slot>: composing them gives the light children, so
    // the extension does not serialise them; Katal's rows and body cells are such roots).
    private const string CountOpenShadowRootsOutsideRefully =
        """
        () => {
          const passThrough = root => {
            const elements = [...root.children];
            const text = [...root.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join("").trim();
            return text === "" && elements.filter(e => e.localName === "slot" && !e.hasAttribute("name")).length === 1
              && elements.every(e => e.localName === "slot" || e.localName === "style" || e.localName === "link");
          };
          let count = 0;
          const pending = [document];
          while (pending.length) {
            const root = pending.pop();
            for (const element of root.querySelectorAll("*")) {
              if (!element.localName.startsWith("refully-") && element.shadowRoot && !passThrough(element.shadowRoot)) {
                count++;
                pending.push(element.shadowRoot);
              }
            }
          }
          return count;
        }
        """;
}
