using System.Threading.Channels;
using Refully.Companion.Security;

namespace Refully.EndToEnd.Infrastructure;

/// <summary>Stands in for the companion's console: the test reads the pairing code the person would see.</summary>
public sealed class CapturingPairingNotifier : IPairingNotifier
{
    private readonly Channel<string> _codes = Channel.CreateUnbounded<string>();

    public void ShowCode(string pairingId, string code, string? origin, DateTimeOffset expiresAt) => _codes.Writer.TryWrite(code);

    public async Task<string> NextCodeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            return await _codes.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("The companion showed no pairing code within 10 s.");
        }
    }
}
