using System.Collections.Concurrent;
using System.Security.Cryptography;
using Refully.Companion.Storage;

namespace Refully.Companion.Security;

/// <summary>Shows a pairing code to the person at the computer (console now, dashboard later).</summary>
public interface IPairingNotifier
{
    void ShowCode(string pairingId, string code, string? origin, DateTimeOffset expiresAt);
}

/// <summary>Writes the code to the companion's console window, where only someone at this computer sees it.</summary>
public sealed class ConsolePairingNotifier : IPairingNotifier
{
    public void ShowCode(string pairingId, string code, string? origin, DateTimeOffset expiresAt)
    {
        Console.WriteLine();
        Console.WriteLine($"  Pairing request from {origin ?? "a local program"}.");
        Console.WriteLine($"  To approve it, type this code in the Refully popup: {code[..3]} {code[3..]}");
        Console.WriteLine($"  (valid until {expiresAt.ToLocalTime():HH:mm:ss}; ignore it if you did not ask to pair)");
        Console.WriteLine();
    }
}

public enum PairingOutcome { Paired, NotFound, WrongCode }

public sealed record PairingStart(string PairingId, DateTimeOffset ExpiresAt);

public sealed record PairingResult(PairingOutcome Outcome, IssuedToken? Token, int AttemptsLeft);

/// <summary>
/// User-approved pairing: the extension asks, the companion shows a 6-digit code in its console, the user
/// types it into the extension's popup, and only then is a token issued (bound to that extension's origin).
/// Requests live for <see cref="Lifetime"/> and die after <see cref="MaxAttempts"/> wrong codes.
/// </summary>
public sealed class PairingService(TokenStore tokens, IPairingNotifier notifier, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public const int MaxAttempts = 5;
    private const int MaxPending = 20;

    private readonly ConcurrentDictionary<string, Pending> _pending = new();

    private sealed class Pending(string code, string? origin, DateTimeOffset expiresAt)
    {
        public string Code { get; } = code;
        public string? Origin { get; } = origin;
        public DateTimeOffset ExpiresAt { get; } = expiresAt;
        public int Attempts;
    }

    public PairingStart Start(string? origin)
    {
        Sweep();
        if (_pending.Count >= MaxPending)
        {
            var oldest = _pending.OrderBy(p => p.Value.ExpiresAt).First().Key;
            _pending.TryRemove(oldest, out _);
        }
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
        var expires = time.GetUtcNow() + Lifetime;
        _pending[id] = new Pending(code, origin, expires);
        notifier.ShowCode(id, code, origin, expires);
        return new PairingStart(id, expires);
    }

    public PairingResult Confirm(string pairingId, string code, string? origin)
    {
        Sweep();
        if (!_pending.TryGetValue(pairingId, out var pending) || pending.Origin != origin)
        {
            return new(PairingOutcome.NotFound, null, 0);
        }
        var typed = new string(code.Where(char.IsAsciiDigit).ToArray());
        var matches = typed.Length == pending.Code.Length
            && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(typed), System.Text.Encoding.ASCII.GetBytes(pending.Code));
        if (!matches)
        {
            var attempts = Interlocked.Increment(ref pending.Attempts);
            if (attempts >= MaxAttempts)
            {
                _pending.TryRemove(pairingId, out _);
            }
            return new(PairingOutcome.WrongCode, null, Math.Max(0, MaxAttempts - attempts));
        }
        if (!_pending.TryRemove(pairingId, out _))
        {
            return new(PairingOutcome.NotFound, null, 0);
        }
        var label = origin is not null && origin.StartsWith("chrome-extension://", StringComparison.Ordinal)
            ? $"extension {origin["chrome-extension://".Length..]}"
            : origin ?? "paired program";
        return new(PairingOutcome.Paired, tokens.Issue(label, origin), 0);
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (id, pending) in _pending)
        {
            if (pending.ExpiresAt <= now)
            {
                _pending.TryRemove(id, out _);
            }
        }
    }
}
