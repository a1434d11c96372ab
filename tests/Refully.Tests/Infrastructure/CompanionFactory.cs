using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Refully.Companion.Hosting;
using Refully.Companion.Security;
using Refully.Companion.Storage;

namespace Refully.Tests.Infrastructure;

/// <summary>
/// The companion in memory, on its own temporary LiteDB file, with a fake clock, a pairing notifier that
/// records the codes it would show, and a log sink. Clients address it as http://127.0.0.1:47615.
/// </summary>
public sealed class CompanionFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public CompanionFactory(Dictionary<string, string?>? settings = null)
    {
        DbPath = Path.Combine(Path.GetTempPath(), $"refully-test-{Guid.NewGuid():N}.db");
        _settings = settings ?? [];
    }

    public string DbPath { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    public RecordingPairingNotifier Pairing { get; } = new();

    public ConcurrentQueue<string> Logs { get; } = new();

    public const string Address = "http://127.0.0.1:47615";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Companion:DbPath", DbPath);
        // Hundreds of test hosts start here; none needs the start-up warm-up (PageWarmUpTests covers it), a test may turn it on.
        builder.UseSetting("Companion:WarmUpPages", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(new ListLoggerProvider(Logs)));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.RemoveAll<IPairingNotifier>();
            services.AddSingleton<IPairingNotifier>(Pairing);
        });
    }

    /// <summary>A client that addresses the companion as the extension does (Host 127.0.0.1:47615).</summary>
    public HttpClient Client(string? token = null, string? origin = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(Address), AllowAutoRedirect = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (origin is not null)
        {
            client.DefaultRequestHeaders.Add("Origin", origin);
        }
        return client;
    }

    /// <summary>Issues a token directly in the store, as the `token` command does.</summary>
    public string IssueToken(string? origin = null) => Services.GetRequiredService<TokenStore>().Issue("test", origin).Token;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var file in new[] { DbPath, DbPath.Replace(".db", "-log.db") })
        {
            try { File.Delete(file); } catch (IOException) { }
        }
    }
}

public sealed class RecordingPairingNotifier : IPairingNotifier
{
    public ConcurrentDictionary<string, string> Codes { get; } = new();

    public void ShowCode(string pairingId, string code, string? origin, DateTimeOffset expiresAt) => Codes[pairingId] = code;
}

internal sealed class ListLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ListLogger(sink);

    public void Dispose() { }

    private sealed class ListLogger(ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
    }
}
