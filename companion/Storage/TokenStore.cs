using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace Refully.Companion.Storage;

/// <summary>A per-install access token. Only its SHA-256 hash is stored.</summary>
public sealed class TokenDocument
{
    public string Id { get; set; } = "";
    public string Hash { get; set; } = "";
    public string Label { get; set; } = "";
    /// <summary>The extension origin the token was paired with (chrome-extension://id); null for a command-line token until first used.</summary>
    public string? Origin { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

public sealed record IssuedToken(string Id, string Token);

public enum TokenCheck { Valid, Missing, Invalid, WrongOrigin }

public sealed record TokenCheckResult(TokenCheck Outcome, TokenDocument? Token);

public sealed class TokenStore
{
    private const string Prefix = "rfy_";
    private readonly ILiteCollection<TokenDocument> _tokens;
    private readonly TimeProvider _time;

    public TokenStore(CompanionDatabase db, TimeProvider time)
    {
        _time = time;
        _tokens = db.Database.GetCollection<TokenDocument>("tokens");
        _tokens.EnsureIndex(t => t.Hash, unique: true);
    }

    public IssuedToken Issue(string label, string? origin)
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var doc = new TokenDocument
        {
            Id = Base64Url(RandomNumberGenerator.GetBytes(6)),
            Hash = HashOf(secret),
            Label = label,
            Origin = origin,
            CreatedAt = _time.GetUtcNow().UtcDateTime,
        };
        _tokens.Insert(doc);
        return new IssuedToken(doc.Id, secret);
    }

    /// <summary>
    /// Checks a presented token. The lookup is by hash (the secret itself is never compared), and the
    /// stored hash is compared again in constant time. A token bound to an extension origin is refused
    /// from another origin; an unbound token (made by the `token` command) binds to the first extension
    /// origin that uses it.
    /// </summary>
    /// <summary>How stale a token's <see cref="TokenDocument.LastUsedAt"/> may be: it is written at most once per this interval.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public TokenCheckResult Check(string? presented, string? origin)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return new(TokenCheck.Missing, null);
        }
        var hash = HashOf(presented);
        var doc = _tokens.FindOne(t => t.Hash == hash);
        if (doc is null || doc.RevokedAt is not null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(doc.Hash), Encoding.ASCII.GetBytes(hash)))
        {
            return new(TokenCheck.Invalid, null);
        }
        var isExtension = origin is not null && origin.StartsWith("chrome-extension://", StringComparison.Ordinal);
        if (isExtension && doc.Origin is not null && doc.Origin != origin)
        {
            return new(TokenCheck.WrongOrigin, doc);
        }
        var bind = isExtension && doc.Origin is null;
        if (bind)
        {
            doc.Origin = origin;
        }
        var now = _time.GetUtcNow().UtcDateTime;
        // "Last used" is kept to the minute: writing it on every request put a database write on every capture.
        if (bind || doc.LastUsedAt is not { } last || now - last >= LastUsedResolution || now < last)
        {
            doc.LastUsedAt = now;
            _tokens.Update(doc);
        }
        return new(TokenCheck.Valid, doc);
    }

    public IReadOnlyList<TokenDocument> List() => _tokens.FindAll().OrderBy(t => t.CreatedAt).ToList();

    public bool IsKnownExtensionOrigin(string origin) => _tokens.Exists(t => t.Origin == origin && t.RevokedAt == null);

    /// <summary>Revokes one token; takes effect on the next request. Returns false when no such live token exists.</summary>
    public bool Revoke(string id)
    {
        var doc = _tokens.FindById(id);
        if (doc is null || doc.RevokedAt is not null)
        {
            return false;
        }
        doc.RevokedAt = _time.GetUtcNow().UtcDateTime;
        return _tokens.Update(doc);
    }

    public int RevokeAll()
    {
        var count = 0;
        foreach (var doc in _tokens.Find(t => t.RevokedAt == null).ToList())
        {
            count += Revoke(doc.Id) ? 1 : 0;
        }
        return count;
    }

    internal static string HashOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
