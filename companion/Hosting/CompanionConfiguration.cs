using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Refully.Companion.Hosting;

public static class CompanionConfiguration
{
    /// <summary>
    /// Maps <c>--db PATH</c> to Companion:DbPath, binds <see cref="CompanionOptions"/>, and makes the
    /// service listen on 127.0.0.1 at the default port unless <c>--urls</c> says otherwise. Any address
    /// that is not loopback is refused: the companion holds a seller's data and must not face a network.
    /// </summary>
    public static WebApplicationBuilder AddCompanionConfiguration(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--db"] = "Companion:DbPath" });
        builder.Services.AddOptions<CompanionOptions>().BindConfiguration("Companion");
        builder.Services.AddSingleton(TimeProvider.System);

        var urls = builder.Configuration["urls"];
        if (string.IsNullOrWhiteSpace(urls))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{CompanionOptions.DefaultPort}");
        }
        else
        {
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                EnsureLoopback(url);
            }
        }

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var options = context.Configuration.GetSection("Companion").Get<CompanionOptions>() ?? new CompanionOptions();
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        return builder;
    }

    internal static void EnsureLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("*", "wildcard").Replace("+", "wildcard"), UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"--urls: '{url}' is not an address. Use http://127.0.0.1:PORT.");
        }
        var loopback = uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        if (!loopback || uri.Scheme != "http")
        {
            throw new InvalidOperationException($"--urls: '{url}' is not a loopback http address. The companion only listens on 127.0.0.1 (e.g. http://127.0.0.1:{CompanionOptions.DefaultPort}).");
        }
    }

    /// <summary>Logs where the service listens and how to pair, once it has started.</summary>
    public static void LogStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CompanionOptions>>().Value;
            Console.WriteLine($"Refully companion {VersionInfo.Version} listening on {string.Join(", ", addresses)}");
            Console.WriteLine($"Data file: {options.ResolveDbPath()}");
            Console.WriteLine("To pair the browser extension: open its popup, press \"Pair\", and type the code this window shows.");
            Console.WriteLine("Press Ctrl+C to stop.");
        });
        app.Lifetime.ApplicationStopped.Register(() => Console.WriteLine("Refully companion stopped."));
    }
}
