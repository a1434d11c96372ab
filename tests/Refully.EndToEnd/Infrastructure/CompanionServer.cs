using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Detectors;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Security;
using Refully.Companion.Storage;

namespace Refully.EndToEnd.Infrastructure;

/// <summary>
/// The real companion on a real loopback socket (a free port, never 47615) with its own temporary data
/// file, and a pairing notifier the test can read.
/// </summary>
public sealed class CompanionServer : WebApplicationFactory<Program>
{
    private readonly string _dbPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"refully-e2e-{Guid.NewGuid():N}.db");
    private bool _stopped;
    private readonly bool _warmUp;
    private readonly bool _keepRawPages;

    private CompanionServer(bool warmUp, bool keepRawPages)
    {
        _warmUp = warmUp;
        _keepRawPages = keepRawPages;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public CapturingPairingNotifier Pairing { get; } = new();

    /// <summary>The Content-Encoding of every page capture received ("" when none), in arrival order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> PageBodyEncodings { get; } = new();

    /// <summary>http://127.0.0.1:PORT</summary>
    public string Url { get; private set; } = "";

    public PageStore Pages => Services.GetRequiredService<PageStore>();

    public TokenStore Tokens => Services.GetRequiredService<TokenStore>();

    public FindingStore Findings => Services.GetRequiredService<FindingStore>();

    private readonly SeededDetector _seededHigh = new(Confidence.High);
    private readonly SeededDetector _seededReview = new(Confidence.Review);

    /// <summary>
    /// Makes detection find these findings (beside whatever the real detectors find in the stored records)
    /// and runs it, as an import would; returns the stored findings by seed key.
    /// </summary>
    public IReadOnlyDictionary<string, FindingDocument> SeedFindings(params Seed[] seeds)
    {
        var detection = Services.GetRequiredService<DetectionService>();
        var today = detection.Today("US");
        _seededHigh.Set(seeds.Where(s => s.Confidence == Confidence.High).Select(s => s.ToCandidate(today)));
        _seededReview.Set(seeds.Where(s => s.Confidence == Confidence.Review).Select(s => s.ToCandidate(today)));
        var stored = detection.Run(null, "end-to-end seed").ToDictionary(f => f.Id);
        return seeds.ToDictionary(s => s.Key, s => stored[DetectionEngine.StableId(s.Type, "US", s.Key)]);
    }

    /// <summary>Today in the US marketplace, as detection sees it.</summary>
    public DateOnly Today => Services.GetRequiredService<DetectionService>().Today("US");

    /// <param name="warmUp">
    /// Runs the start-up warm-up (<c>PageWarmUp</c>: the whole intake over a scratch data file, ≈ 2–3 s of one core) as
    /// the shipped companion does: the benchmark's companion does; the ~30 test companions do not, as the unit tests' hosts
    /// do not (Refully.Tests' PageWarmUpTests cover it), so that they do not compete with Chromium for the two cores.
    /// </param>
    /// <param name="keepRawPages">Diagnostics on: every capture received is kept as it came (<c>Pages.RawPages()</c>).</param>
    public static CompanionServer Start(bool warmUp = false, bool keepRawPages = false)
    {
        var server = new CompanionServer(warmUp, keepRawPages);
        server.StartServer();
        var addresses = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server.Url = addresses.Single().TrimEnd('/').Replace("localhost", "127.0.0.1");
        return server;
    }

    /// <summary>Issues a token bound to the extension, as pairing would (the scripted way to pair).</summary>
    public IssuedToken IssueTokenFor(string extensionOrigin) => Tokens.Issue("end-to-end test", extensionOrigin);

    /// <summary>Stops listening, as when the seller closes the companion.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await base.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Companion:DbPath", _dbPath);
        builder.UseSetting("Companion:WarmUpPages", _warmUp ? "true" : "false");
        builder.UseSetting("Companion:Diagnostics:KeepRawPages", _keepRawPages ? "true" : "false");
        builder.ConfigureServices(services =>
        {
            services.AddTransient<IStartupFilter>(_ => new PageEncodingFilter(PageBodyEncodings));
            services.RemoveAll<IPairingNotifier>();
            services.AddSingleton<IPairingNotifier>(Pairing);
            services.RemoveAll<DetectionEngine>();
            services.AddSingleton(sp => new DetectionEngine(sp.GetRequiredService<PolicyTable>(), [.. DetectorRegistry.All, _seededHigh, _seededReview]));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var file in new[] { _dbPath, _dbPath.Replace(".db", "-log.db") })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>Notes the Content-Encoding of each POST /api/pages as it arrives, before any middleware reads it.</summary>
internal sealed class PageEncodingFilter(System.Collections.Concurrent.ConcurrentQueue<string> encodings) : IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, call) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/api/pages"))
            {
                encodings.Enqueue(context.Request.Headers.ContentEncoding.ToString());
            }
            await call(context);
        });
        next(app);
    };
}
