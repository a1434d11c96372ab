using System.Text.Json;
using Refully.EndToEnd.Infrastructure;

namespace Refully.EndToEnd.Bench;

/// <summary>
/// `dotnet Refully.EndToEnd.dll probe SCRIPT.js`: a micro-harness for the capture and placement code. Opens the
/// benchmark page (extension loaded, no companion), creates an isolated world like a content script's over CDP, and
/// evaluates SCRIPT there: an expression whose value (awaited) is printed as JSON. In that world `Refully` holds the
/// extension's content scripts (loaded in the manifest's order), and `window.__probeSources` their sources.
/// PROBE_WORLD=page evaluates SCRIPT in the page's own world instead (as page-world.js runs).
/// Not a test; for measuring pieces of the content script on their own.
/// </summary>
public static class Probe
{
    public static async Task<int> RunAsync(string scriptFile, TextWriter output)
    {
        var chromium = new ChromiumFixture();
        await chromium.InitializeAsync();
        try
        {
            await chromium.ResetAsync("http://127.0.0.1:9");
            var page = await chromium.OpenSellerCentralAsync($"/reportcentral/INVENTORY_LEDGER/0/bench/{Uri.EscapeDataString("{\"pageOffset\":1}")}");
            await page.WaitForFunctionAsync("() => document.querySelectorAll('kat-table-body kat-table-row').length === 500");
            await page.WaitForTimeoutAsync(1500);
            // PROBE_WORLD=page: the page's own world (where page-world.js walks), SCRIPT only.
            if (Environment.GetEnvironmentVariable("PROBE_WORLD") == "page")
            {
                output.WriteLine((await page.EvaluateAsync<JsonElement>(File.ReadAllText(scriptFile))).GetRawText());
                return 0;
            }
            var cdp = await page.Context.NewCDPSessionAsync(page);
            var tree = await cdp.SendAsync("Page.getFrameTree");
            var frameId = tree!.Value.GetProperty("frameTree").GetProperty("frame").GetProperty("id").GetString();
            var world = await cdp.SendAsync("Page.createIsolatedWorld", new Dictionary<string, object> { ["frameId"] = frameId!, ["worldName"] = "probe" });
            var contextId = world!.Value.GetProperty("executionContextId").GetInt32();
            // PROBE_WORLD=extension: the extension's own content-script world instead (real chrome.runtime; sources not reloaded).
            var inExtension = Environment.GetEnvironmentVariable("PROBE_WORLD") == "extension";
            if (inExtension)
            {
                var contexts = new System.Collections.Concurrent.ConcurrentBag<JsonElement>();
                cdp.Event("Runtime.executionContextCreated").OnEvent += (_, e) => contexts.Add(e!.Value.GetProperty("context").Clone());
                await cdp.SendAsync("Runtime.enable");
                await page.WaitForTimeoutAsync(500);
                contextId = contexts.First(c => c.GetProperty("name").GetString() == "Refully").GetProperty("id").GetInt32();
            }
            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "manifest.json")));
            var files = manifest.RootElement.GetProperty("content_scripts")[0].GetProperty("js").EnumerateArray()
                .Select(f => f.GetString()!).Where(f => !f.EndsWith("main.js", StringComparison.Ordinal) && !f.Contains("claim", StringComparison.Ordinal));
            var sources = string.Join("\n;\n", files.Select(f => File.ReadAllText(Path.Combine(RepositoryRoot.Path, f))));
            var stub = "globalThis.chrome ??= { runtime: { sendMessage: async m => JSON.stringify(m).length } };\n";
            foreach (var expression in inExtension ? new[] { File.ReadAllText(scriptFile) } : new[] { stub + sources + "\n;'loaded'", File.ReadAllText(scriptFile) })
            {
                var result = await cdp.SendAsync("Runtime.evaluate", new Dictionary<string, object>
                {
                    ["expression"] = expression, ["contextId"] = contextId, ["awaitPromise"] = true, ["returnByValue"] = true,
                });
                output.WriteLine(result!.Value.GetRawText());
            }
            return 0;
        }
        finally
        {
            await chromium.DisposeAsync();
        }
    }
}
