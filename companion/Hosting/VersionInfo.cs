using System.Reflection;

namespace Refully.Companion.Hosting;

/// <summary>The fixed identity the extension uses to tell the companion from another program on the port.</summary>
public static class VersionInfo
{
    public const string ServiceName = "refully-companion";
    public const string IdentityHeader = "X-Refully-Companion";
    public const int ApiVersion = 1;

    public static string Version { get; } =
        typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(VersionInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
