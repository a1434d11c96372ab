using System.Diagnostics;
using System.Text.RegularExpressions;
using Refully.Tests.Infrastructure;

namespace Refully.Tests.Hosting;

/// <summary>The companion as a seller starts it: a real process on a real loopback port.</summary>
public sealed partial class ProcessTests
{
    [Fact]
    public async Task TheServiceStartsOnLoopbackAnswersPingAndStopsGracefullyOnSigterm()
    {
        var db = Path.Combine(Path.GetTempPath(), $"refully-proc-{Guid.NewGuid():N}.db");
        var companion = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [companion, "--urls", "http://127.0.0.1:0", "--db", db])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(companion)!,
        };
        using var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            output.Enqueue(e.Data);
            var match = ListeningLine().Match(e.Data);
            if (match.Success) listening.TrySetResult(match.Groups[1].Value);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
            using var http = new HttpClient { BaseAddress = new Uri(address) };

            var ping = await (await http.GetAsync("/api/ping")).Json();

            ping.GetProperty("service").GetString().Should().Be("refully-companion");
            address.Should().StartWith("http://127.0.0.1:");
            Process.Start("kill", ["-TERM", process.Id.ToString()])!.WaitForExit();
            (await WaitForExit(process, TimeSpan.FromSeconds(20))).Should().BeTrue();
            process.ExitCode.Should().Be(0);
            output.Should().Contain(line => line.Contains("Refully companion stopped."));
            output.Should().Contain(line => line.Contains("pair"));
            File.Exists(db).Should().BeTrue();
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            File.Delete(db);
        }
    }

    private static async Task<bool> WaitForExit(Process process, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"listening on (http://[0-9.]+:[0-9]+)")]
    private static partial Regex ListeningLine();
}
