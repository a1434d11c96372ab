using System.Text.Json;
using Microsoft.Playwright;

namespace Refully.EndToEnd.Bench;

/// <summary>
/// A Chrome trace through the DevTools protocol (Tracing domain): the main threads' tasks with their wall time
/// (`dur`) and thread CPU time (`tdur`), script calls, garbage collections, layout and paint, for telling work on
/// the page's main thread from time it waited for a core. Written as {"traceEvents": [...]}.
/// </summary>
internal sealed class ChromeTrace(ICDPSession session)
{
    private static readonly string[] Categories =
    [
        "toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.execute", "blink.user_timing",
        "disabled-by-default-v8.gc", "blink_gc", "__metadata",
    ];

    private readonly List<JsonElement> _events = [];
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task StartAsync()
    {
        session.Event("Tracing.dataCollected").OnEvent += (_, data) =>
        {
            if (data is { } value)
            {
                lock (_events)
                {
                    _events.AddRange(value.GetProperty("value").EnumerateArray().Select(e => e.Clone()));
                }
            }
        };
        session.Event("Tracing.tracingComplete").OnEvent += (_, _) => _complete.TrySetResult();
        await session.SendAsync("Tracing.start", new Dictionary<string, object>
        {
            ["transferMode"] = "ReportEvents",
            ["traceConfig"] = new Dictionary<string, object> { ["includedCategories"] = Categories, ["recordMode"] = "recordContinuouslyUntilFull" },
        });
    }

    public async Task StopAsync(string file)
    {
        await session.SendAsync("Tracing.end");
        await _complete.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await using var stream = File.Create(file);
        lock (_events)
        {
            JsonSerializer.Serialize(stream, new { traceEvents = _events });
        }
    }
}
