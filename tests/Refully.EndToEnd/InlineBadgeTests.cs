using System.Text.Json;
using Microsoft.Playwright;
using Refully.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Refully.EndToEnd;

/// <summary>
/// Inline suggestions: with findings in the companion, report pages get a badge on exactly the rows their
/// findings concern, follow pagination and re-renders without duplicates, and leave the page's table as it was.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class InlineBadgeTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task LedgerRowsWhoseReferenceIdsHaveFindingsGetBadgesWithUnitsAmountAndDeadline()
    {
        // Arrange
        await using var companion = CompanionServer.Start();
        var seeded = companion.SeedFindings(LedgerSeeds.All);
        string Id(Seed seed) => seeded[seed.Key].Id;
        var token = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, token.Token, token.Id);

        // Act
        var page = await chromium.OpenSellerCentralAsync(ChromiumFixture.ReportPath("INVENTORY_LEDGER"));

        // Assert: the first anchor found in a row wins (reference id before FNSKU); an FNSKU-only finding
        // marks every row of that FNSKU; reference "8712345005" is not inside "87123450055".
        await Badges.WaitForAsync(page, LedgerSeeds.ReferenceColumn, new()
        {
            ["8712345001"] = [Id(LedgerSeeds.Lost), Id(LedgerSeeds.ReviewByFnsku)],
            ["8712345005"] = [Id(LedgerSeeds.ReviewByFnsku), Id(LedgerSeeds.ExactReference)],
            ["8712345003"] = [Id(LedgerSeeds.Damaged)],
            ["8712345004"] = [Id(LedgerSeeds.ReviewByFnsku)],
        });
        var lost = Badges.Badge(page, Id(LedgerSeeds.Lost));
        await Expect(lost).ToHaveAttributeAsync("data-status", "Claimable");
        await Expect(lost.Locator("[data-part=units]")).ToHaveTextAsync("3 units");
        await Expect(lost.Locator("[data-part=amount]")).ToHaveTextAsync("$41.70");
        await Expect(lost.Locator("[data-part=deadline]")).ToHaveTextAsync(Badges.By(seeded[LedgerSeeds.Lost.Key].Deadline));
        var damaged = Badges.Badge(page, Id(LedgerSeeds.Damaged));
        await Expect(damaged.Locator("[data-part=units]")).ToHaveTextAsync("2 units");
        await Expect(damaged.Locator("[data-part=amount]")).ToHaveTextAsync("$25.98");
        await Expect(damaged.Locator("[data-part=deadline]")).ToHaveTextAsync(Badges.By(seeded[LedgerSeeds.Damaged.Key].Deadline));
        var review = Badges.Badge(page, Id(LedgerSeeds.ReviewByFnsku));
        await Expect(review).ToHaveCountAsync(3);
        await Expect(review.First).ToHaveAttributeAsync("data-status", "NeedsReview");
        await Expect(review.First.Locator("[data-part=amount]")).ToHaveTextAsync("value unknown");

        // The panel: the totals and every finding of the page with the rows it marks; none from elsewhere.
        var panel = page.Locator("refully-panel");
        await Expect(panel.Locator("[data-part=totals]")).ToHaveTextAsync("$77.67 claimable on this page, 1 expires this week");
        await Expect(panel.Locator("li[data-finding-id]")).ToHaveCountAsync(4);
        await Expect(panel.Locator($"li[data-finding-id='{Id(LedgerSeeds.ReviewByFnsku)}']")).ToHaveAttributeAsync("data-rows", "3");
        await Expect(panel.Locator($"li[data-finding-id='{Id(LedgerSeeds.Lost)}'] [data-part=where]")).ToHaveTextAsync("Marked on 1 row");
        await Expect(panel.Locator($"li[data-finding-id='{Id(LedgerSeeds.LostOnPage2)}']")).ToHaveCountAsync(0);
        await Expect(panel.Locator($"li[data-finding-id='{Id(LedgerSeeds.Elsewhere)}']")).ToHaveCountAsync(0);

        // The page reads the same table it drew: rows, cells per row, width, its own row counter.
        await AssertTableAsDrawnAsync(page, "Showing 1–5 of 10");

        // The capture's cost was published: 5 badges drawn, main-thread time measured.
        var timing = await LastTimingAsync(page, t => t.GetProperty("badges").GetInt32() == 6);
        timing.GetProperty("mainThreadMs").GetDouble().Should().BePositive();
        timing.GetProperty("endToEndMs").GetDouble().Should().BeGreaterThanOrEqualTo(timing.GetProperty("mainThreadMs").GetDouble());
        // The main thread's time is its parts, the browser's report on the watched rows (a task of its own) included.
        double Part(string name) => timing.GetProperty(name).GetDouble();
        Part("reportMs").Should().BeGreaterThanOrEqualTo(0);
        Part("mainThreadMs").Should().BeApproximately(Part("captureMs") + Part("watchMs") + Part("reportMs") + Part("sendMs") + Part("drawMs"), 0.05);
    }

    [Fact]
    public async Task ReimbursementRowsInsideAnOpenShadowRootGetBadges()
    {
        // Arrange: the report's kat-table lives in the open shadow root of the page's <report-central-view>.
        await using var companion = CompanionServer.Start();
        var seeded = companion.SeedFindings(
            new Seed("below-cost-5551234567", Companion.Detection.ClaimType.ReimbursedBelowCost, 3, DaysToDeadline: 40, Amount: 8.70m, ReferenceId: "5551234567", Fnsku: "X00ABCD123"),
            new Seed("refund-114-7654321-1234567", Companion.Detection.ClaimType.RefundNotReturned, 1, DaysToDeadline: 25, Amount: 13.90m, OrderId: "114-7654321-1234567", Fnsku: "X00MNOP012"));
        var token = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, token.Token, token.Id);

        // Act
        var page = await chromium.OpenSellerCentralAsync(ChromiumFixture.ReportPath("REIMBURSEMENTS"));

        // Assert: keyed by Reimbursement ID (2nd column).
        var belowCost = seeded["below-cost-5551234567"].Id;
        var refund = seeded["refund-114-7654321-1234567"].Id;
        await Badges.WaitForAsync(page, 1, new() { ["5551234567"] = [belowCost], ["5551234569"] = [refund] });
        await Expect(Badges.Badge(page, belowCost).Locator("[data-part=amount]")).ToHaveTextAsync("$8.70");
        await Expect(Badges.Badge(page, refund).Locator("[data-part=units]")).ToHaveTextAsync("1 unit");
        await Expect(Badges.Badge(page, refund).Locator("[data-part=deadline]")).ToHaveTextAsync(Badges.By(seeded["refund-114-7654321-1234567"].Deadline));
        await Expect(page.Locator("refully-panel [data-part=totals]")).ToHaveTextAsync("$22.60 claimable on this page");
        await AssertTableAsDrawnAsync(page, "Showing 1–4 of 4");
    }

    [Fact]
    public async Task PaginatingShowsTheNextPagesBadgesAndReRendersNeverDuplicateThem()
    {
        // Arrange: page 1 of the ledger with its badges.
        await using var companion = CompanionServer.Start();
        var seeded = companion.SeedFindings(LedgerSeeds.All);
        string Id(Seed seed) => seeded[seed.Key].Id;
        var token = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, token.Token, token.Id);
        var page = await chromium.OpenSellerCentralAsync(ChromiumFixture.ReportPath("INVENTORY_LEDGER"));
        Dictionary<string, string[]> page1 = new()
        {
            ["8712345001"] = [Id(LedgerSeeds.Lost), Id(LedgerSeeds.ReviewByFnsku)],
            ["8712345005"] = [Id(LedgerSeeds.ReviewByFnsku), Id(LedgerSeeds.ExactReference)],
            ["8712345003"] = [Id(LedgerSeeds.Damaged)],
            ["8712345004"] = [Id(LedgerSeeds.ReviewByFnsku)],
        };
        await Badges.WaitForAsync(page, LedgerSeeds.ReferenceColumn, page1);
        await Badges.Badge(page, Id(LedgerSeeds.Damaged)).Locator("[data-part=chip]").ClickAsync(); // a card open on page 1
        await Expect(Badges.Badge(page, Id(LedgerSeeds.Damaged)).Locator("[data-part=explanation]")).ToBeVisibleAsync();

        const string Panel = "document.querySelector('refully-panel').shadowRoot";
        await page.EvaluateAsync($"() => {{ window.list = {Panel}.querySelector('[data-part=findings]'); window.firstEntry = window.list.firstElementChild; }}");
        // What the panel says when the badges are put right after the page's change (the re-apply, before the capture).
        await page.EvaluateAsync($"() => {{ window.panelAtReapply = []; document.addEventListener('refully:reapply-timings', () => window.panelAtReapply.push({Panel}.querySelector('[data-part=body]').dataset.state)); }}");

        // Act 1: "Next" replaces the rows and the URL (pageOffset 2), no reload.
        await page.Locator("#next").ClickAsync();

        // Assert 1: the next page's badge, and none of page 1's. Badges taken off the page are drawn again for
        // new findings: the page-2 badge shows its own finding, closed, and its card explains that finding.
        Dictionary<string, string[]> page2 = new() { ["8712345006"] = [Id(LedgerSeeds.LostOnPage2)] };
        await Badges.WaitForAsync(page, LedgerSeeds.ReferenceColumn, page2);
        (await Badges.CountAsync(page)).Should().Be(1);
        var badge2 = Badges.Badge(page, Id(LedgerSeeds.LostOnPage2));
        await Expect(badge2.Locator("[data-part=chip]")).ToHaveAttributeAsync("aria-expanded", "false");
        await badge2.Locator("[data-part=chip]").ClickAsync();
        await Expect(badge2.Locator("[data-part=explanation]")).ToHaveTextAsync(seeded[LedgerSeeds.LostOnPage2.Key].Explanation);
        await badge2.Locator("[data-part=chip]").ClickAsync();
        page.Url.Should().Contain(Uri.EscapeDataString("\"pageOffset\":2"));
        await Expect(page.Locator("refully-panel [data-part=totals]")).ToHaveTextAsync("$55.60 claimable on this page");
        // The panel's list stayed in place while page 2 was read: the same list element, its first entry the same
        // element, now showing a page-2 finding, and the "Reading this page…" line is gone.
        var panel = await page.EvaluateAsync<JsonElement>(
            $"() => {{ const list = {Panel}.querySelector('[data-part=findings]'); return {{ same: list === window.list && list.firstElementChild === window.firstEntry, " +
            $"ids: [...list.children].map(li => li.dataset.findingId), reading: {Panel}.querySelectorAll('[data-part=reading]').length }}; }}");
        panel.GetProperty("same").GetBoolean().Should().BeTrue();
        panel.GetProperty("ids").EnumerateArray().Select(id => id.GetString()).Should().Contain(Id(LedgerSeeds.LostOnPage2)).And.NotContain(Id(LedgerSeeds.Damaged));
        panel.GetProperty("reading").GetInt32().Should().Be(0);
        // The panel said "Reading this page…" from the re-apply after the URL changed (60 ms after the new rows, before
        // the capture), not counting page 1's findings on page 2's rows until page 2's answer came.
        (await page.EvaluateAsync<string[]>("() => window.panelAtReapply")).Should().NotBeEmpty().And.HaveElementAt(0, "reading");

        // Act 2: the page re-renders the same rows three times (new elements each time).
        await page.EvaluateAsync(CountBadgeInsertions);
        for (var i = 0; i < 3; i++)
        {
            await page.EvaluateAsync("() => window.reportApp.rerender()");
            await Badges.WaitForAsync(page, LedgerSeeds.ReferenceColumn, page2);
            (await Badges.CountAsync(page)).Should().Be(1, "the old row's badge left with its row and the new row has exactly one");
        }

        // Act 3: back to page 1.
        await page.Locator("#previous").ClickAsync();

        // Assert: page 1's badges again, and every badge was inserted exactly once: one per re-render, six
        // for page 1 (a page that fought the badges would show many more insertions).
        await Badges.WaitForAsync(page, LedgerSeeds.ReferenceColumn, page1);
        (await Badges.CountAsync(page)).Should().Be(6);
        (await page.EvaluateAsync<int>("() => window.badgeInsertions")).Should().Be(3 + 6);
        await AssertTableAsDrawnAsync(page, "Showing 1–5 of 10");
    }

    [Fact]
    public async Task BadgesOfRowsFarFromTheViewWaitUntilTheSellerScrollsNearThem()
    {
        // Arrange: the benchmark's ledger page, 500 Katal rows whose table starts below a 1,500-link menu (~2,000 px
        // down, more than a viewport below what the seller sees), with the benchmark's findings for its pages 1 and 2:
        // 20 by reference id (rows r % 25 == 0), 5 FNSKUs on 10 rows each, and what the real detectors find.
        await using var companion = CompanionServer.Start();
        var seeded = companion.SeedFindings(Bench.BrowserBenchmark.Seeds(2).ToArray());
        var token = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, token.Token, token.Id);
        static string BenchPath(int n) => $"/reportcentral/INVENTORY_LEDGER/0/bench/{Uri.EscapeDataString($"{{\"pageOffset\":{n}}}")}";

        // Act 1: open page 1 (the top of the page in view).
        var page = await chromium.OpenSellerCentralAsync(BenchPath(1));

        // Assert 1: every finding is placed (the timing counts placed badges, the panel the rows of each), but the
        // badges of far rows are not in the page: only those drawn with the answer are.
        var first = await LastTimingAsync(page, t => t.GetProperty("url").GetString()!.EndsWith(Uri.EscapeDataString("{\"pageOffset\":1}"), StringComparison.Ordinal)
            && t.GetProperty("badges").GetInt32() >= 70);
        var placed = first.GetProperty("badges").GetInt32();
        first.GetProperty("badgesDrawn").GetInt32().Should().BeLessThan(placed, "the table's rows are more than a viewport below the view");
        (await Badges.CountAsync(page)).Should().Be(first.GetProperty("badgesDrawn").GetInt32());
        var fnsku0 = seeded["bench-1-fnsku-0"].Id;
        await Expect(page.Locator($"refully-panel li[data-finding-id='{fnsku0}']")).ToHaveAttributeAsync("data-rows", "10");

        // Act 2: the seller scrolls through the table.
        await ScrollThroughAsync(page);

        // Assert 2: every placed badge is now drawn, each on its own rows, once.
        var byFinding = await Eventually.UntilAsync(() => BenchBadgesAsync(page), b => b.Values.Sum(rows => rows.Length) == placed, "every placed badge drawn");
        AssertBenchPage(byFinding, seeded, 1);

        // Act 3: the next page (SPA pagination: every row new, the view stays where it is, at the table's end).
        await page.EvaluateAsync("() => window.benchApp.show(2)");
        var second = await LastTimingAsync(page, t => t.GetProperty("url").GetString()!.EndsWith(Uri.EscapeDataString("{\"pageOffset\":2}"), StringComparison.Ordinal)
            && t.GetProperty("badges").GetInt32() >= 70);

        // Assert 3: the rows near the view got their badges with the answer, the others wait; none of page 1 is left,
        // and scrolling through draws the rest, each once.
        second.GetProperty("badgesDrawn").GetInt32().Should().BeInRange(1, second.GetProperty("badges").GetInt32() - 1);
        (await BenchBadgesAsync(page)).Values.Sum(rows => rows.Length).Should().Be(second.GetProperty("badgesDrawn").GetInt32());
        await ScrollThroughAsync(page);
        byFinding = await Eventually.UntilAsync(() => BenchBadgesAsync(page), b => b.Values.Sum(rows => rows.Length) == second.GetProperty("badges").GetInt32(), "every placed badge of page 2 drawn");
        AssertBenchPage(byFinding, seeded, 2);
    }

    // Scrolls from the top of the page to its end in steps of half a viewport, a frame or two at each step.
    private static async Task ScrollThroughAsync(IPage page) =>
        await page.EvaluateAsync(
            """
            async () => {
              const frame = () => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
              for (let y = 0; y <= document.documentElement.scrollHeight; y += innerHeight / 2) {
                scrollTo(0, y);
                await frame();
                await frame();
              }
            }
            """);

    // Finding id → the reference ids (7th cell) of the bench rows whose badges show it, one entry per badge.
    private static async Task<Dictionary<string, string[]>> BenchBadgesAsync(IPage page) =>
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(await page.EvaluateAsync<string>(
            """
            () => {
              const out = {};
              for (const row of document.querySelectorAll("kat-table-body > kat-table-row")) {
                const reference = row.children[6].textContent.trim();
                for (const badge of row.querySelectorAll("refully-badge")) (out[badge.dataset.refullyFinding] ??= []).push(reference);
              }
              return JSON.stringify(out);
            }
            """))!;

    // The seeded findings of bench page n on exactly their rows (the benchmark page's formulas), no badge twice on a row.
    private static void AssertBenchPage(Dictionary<string, string[]> byFinding, IReadOnlyDictionary<string, Companion.Storage.FindingDocument> seeded, int n)
    {
        static string Reference(int page, int row) => (8000000000L + page * 1000 + row).ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (id, references) in byFinding)
        {
            references.Should().OnlyHaveUniqueItems($"finding {id} has one badge per row");
        }
        for (var i = 0; i < 20; i++)
        {
            byFinding[seeded[$"bench-{n}-ref-{i * 25}"].Id].Should().Equal(Reference(n, i * 25));
        }
        for (var k = 0; k < 5; k++)
        {
            byFinding[seeded[$"bench-{n}-fnsku-{k}"].Id].Should().Equal(Enumerable.Range(0, 10).Select(j => Reference(n, j * 50 + k)));
        }
        byFinding.Keys.Should().NotContain(seeded.Where(s => s.Key.StartsWith($"bench-{3 - n}-", StringComparison.Ordinal)).Select(s => s.Value.Id), "the other page's findings are not on this page");
    }

    [Fact]
    public async Task PlacementPutsEveryFindingOnExactlyTheRowsTheRuleNames()
    {
        // Arrange: a page with the extension's placement code (rows.js, placement.js) and a reference of the rule
        // written plainly: a row's text is its text nodes joined by tabs; the first anchor (trimmed, ≥ 3 characters,
        // no line break) that occurs in some row as a whole token wins; every such row, innermost only.
        await chromium.ResetAsync("http://127.0.0.1:9");
        var page = await chromium.OpenSellerCentralAsync();
        string Source(string file) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "extension", "content", file));

        // Act: 1,000 random pages of nested rows with cells split into several text nodes, tabs, line breaks,
        // characters that are special in regular expressions, and anchors that are prefixes, suffixes and inner
        // parts of longer identifiers (and of each other), placed both ways.
        var result = await page.EvaluateAsync<int[]>(
            """
            ([rowsSource, placementSource]) => {
              (0, eval)(rowsSource);
              (0, eval)(placementSource);
              const { rows: rowsApi, placement } = window.Refully;
              let seed = 7;
              const random = n => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
              const pieces = ["8712345005", "87123450055", "X00ABCD123", "ab", "A-1", "-", " ", "\t", "\n", "x", "12", "5", "B0", "\u00e9", "---", ".", "(1)", "[a]", "\\", "$", "|", "*?", "+", "a.b", "{2}"];
              const anchorsToTry = ["8712345005", "87123450055", "X00ABCD123", " 8712345005 ", "A-1", "---", "123450", "ab", "x\tx", "A-1\tA-1", "8712345005\tX00ABCD123", "ab\t12", "B0A-1", "X00ABCD123\n", "a.b", "a.b.", "(1)12", "[a]\\", "$|*?"];
              const text = () => random(2) ? pieces[random(pieces.length)] : Array.from({ length: 2 + random(3) }, () => pieces[random(pieces.length)]).join("");
              const isWord = c => /[0-9A-Za-z]/.test(c);
              const reference = (items, rows) => {
                const texts = rows.map(row => { let t = ""; const w = document.createTreeWalker(row, NodeFilter.SHOW_TEXT); for (let n = w.nextNode(); n; n = w.nextNode()) t += n.data + "\t"; return t; });
                const whole = (t, a) => { for (let at = t.indexOf(a); at !== -1; at = t.indexOf(a, at + 1)) if ((at === 0 || !isWord(t[at - 1])) && (at + a.length >= t.length || !isWord(t[at + a.length]))) return true; return false; };
                const placed = new Map();
                for (const { finding, anchors } of items) {
                  let matched = [];
                  for (const raw of anchors) {
                    const a = typeof raw === "string" ? raw.trim() : "";
                    if (a.length < 3 || a.includes("\n")) continue;
                    matched = rows.filter((_, i) => whole(texts[i], a));
                    if (matched.length) break;
                  }
                  placed.set(finding.id, matched.filter(r => !matched.some(o => o !== r && r.contains(o))));
                }
                return placed;
              };
              let same = 0, compared = 0, badged = 0;
              for (let round = 0; round < 1000; round++) {
                const table = document.createElement("div");
                for (let r = 0; r < 1 + random(12); r++) {
                  const row = document.createElement(random(2) ? "kat-table-row" : "tr");
                  for (let c = 0; c < 1 + random(4); c++) {
                    const cell = document.createElement("kat-table-cell");
                    for (let t = 0; t < 1 + random(3); t++) cell.append(random(4) ? text() : Object.assign(document.createElement("b"), { textContent: text() }));
                    if (random(6) === 0) { const inner = document.createElement("kat-table-row"); inner.append(text()); cell.append(inner); }
                    row.append(cell);
                  }
                  table.append(row);
                }
                const rows = [...table.querySelectorAll("tr, kat-table-row")];
                const items = Array.from({ length: 1 + random(5) }, (_, i) => ({ finding: { id: "f" + i }, anchors: Array.from({ length: 1 + random(3) }, () => [text, () => anchorsToTry[random(anchorsToTry.length)], () => 42][random(6) < 4 ? 1 : random(2) * 2]()) }));
                const expected = reference(items, rows);
                const actual = placement.place(items, rows);
                for (const [id, want] of expected) {
                  const got = actual.get(id) ?? [];
                  compared++;
                  badged += want.length;
                  if (got.length === want.length && got.every((row, i) => row === want[i])) same++;
                }
              }
              return [same, compared, badged];
            }
            """, new[] { Source("rows.js"), Source("placement.js") });

        // Assert: the same rows, in the same order, for every finding; and the rounds did place findings.
        result[0].Should().Be(result[1], "the extension's placement follows the rule for every finding");
        result[2].Should().BeGreaterThan(100);
    }

    // Counts refully-badge elements added to the ledger's rows from now on (page world).
    private const string CountBadgeInsertions =
        """
        () => {
          window.badgeInsertions = 0;
          new MutationObserver(records => {
            for (const record of records) {
              for (const node of record.addedNodes) {
                if (node.localName === "refully-badge") window.badgeInsertions++;
              }
            }
          }).observe(document.querySelector("kat-table-body"), { childList: true, subtree: true });
        }
        """;

    internal static async Task AssertTableAsDrawnAsync(IPage page, string showing)
    {
        var rendered = await page.EvaluateAsync<JsonElement>("() => window.reportApp.rendered");
        var now = await page.EvaluateAsync<JsonElement>("() => window.reportApp.measure()");
        now.GetProperty("rows").GetInt32().Should().Be(rendered.GetProperty("rows").GetInt32());
        now.GetProperty("cells").EnumerateArray().Select(c => c.GetInt32()).Should().Equal(rendered.GetProperty("cells").EnumerateArray().Select(c => c.GetInt32()));
        // The only width a badge may add is its own (a table wider than the page grows by the last column's badge).
        var widestBadge = await page.EvaluateAsync<int>(
            "() => Math.ceil(Math.max(0, ...[...document.querySelectorAll('*')].flatMap(e => e.shadowRoot ? [...e.shadowRoot.querySelectorAll('refully-badge')] : []).concat([...document.querySelectorAll('refully-badge')]).map(b => b.getBoundingClientRect().width + 6)))");
        now.GetProperty("tableWidth").GetInt32().Should().BeInRange(rendered.GetProperty("tableWidth").GetInt32(), rendered.GetProperty("tableWidth").GetInt32() + widestBadge);
        var shell = await page.Locator("report-central-view").CountAsync() > 0;
        await Expect(page.Locator(shell ? "report-central-view #showing" : "#showing")).ToHaveTextAsync(showing);
    }

    internal static async Task<JsonElement> LastTimingAsync(IPage page, Func<JsonElement, bool> done) =>
        await Eventually.UntilAsync(
            () => page.EvaluateAsync<JsonElement>("() => (window.refullyTimings ?? []).at(-1) ?? null"),
            t => t.ValueKind == JsonValueKind.Object && done(t),
            "the extension's refully:timings event");
}
