namespace Refully.Companion.Hosting;

/// <summary>Settings of the companion, bound from the "Companion" configuration section.</summary>
public sealed class CompanionOptions
{
    /// <summary>The documented default port: http://127.0.0.1:47615.</summary>
    public const int DefaultPort = 47615;

    /// <summary>Path of the LiteDB file; empty means the user's data folder (see <see cref="ResolveDbPath"/>).</summary>
    public string DbPath { get; set; } = "";

    /// <summary>The port Host headers must name when the real listening port cannot be read (the in-memory test host).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Largest request body accepted on any route, in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Largest report upload (POST /api/reports, all files together), in bytes: ledger downloads run to hundreds of MB.</summary>
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Largest captured page accepted, in characters of HTML.</summary>
    public int MaxHtmlChars { get; set; } = 12 * 1024 * 1024;

    /// <summary>
    /// Deepest element nesting accepted in a captured page, shadow roots included. Seller Central pages
    /// stay well under 100; the HTML parser itself stops nesting at 512 per tree.
    /// </summary>
    public int MaxHtmlDepth { get; set; } = 400;

    public DiagnosticsOptions Diagnostics { get; set; } = new();

    /// <summary>Read a built-in page once at start-up so the first real capture does not wait for the JIT (<c>Pages/PageWarmUp</c>).</summary>
    public bool WarmUpPages { get; set; } = true;

    public string ResolveDbPath()
    {
        if (!string.IsNullOrWhiteSpace(DbPath))
        {
            return Path.GetFullPath(DbPath);
        }
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }
        return Path.Combine(root, "Refully", "refully.db");
    }
}

/// <summary>
/// Raw captured pages carry buyers' names and addresses, so they are kept only while diagnostics are on,
/// and then only the newest <see cref="MaxPages"/>, no older than <see cref="MaxAgeHours"/>, within <see cref="MaxTotalChars"/>.
/// </summary>
public sealed class DiagnosticsOptions
{
    public bool KeepRawPages { get; set; }
    public int MaxPages { get; set; } = 50;
    public int MaxAgeHours { get; set; } = 24;
    public long MaxTotalChars { get; set; } = 64L * 1024 * 1024;
}
