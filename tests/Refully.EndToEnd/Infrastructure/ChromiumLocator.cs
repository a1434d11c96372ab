namespace Refully.EndToEnd.Infrastructure;

/// <summary>Finds the Chromium to drive. A missing browser fails the tests: they are never skipped.</summary>
public static class ChromiumLocator
{
    public const string Variable = "REFULLY_CHROMIUM";
    private const string Default = "/usr/bin/chromium";

    public static string ExecutablePath()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        var path = string.IsNullOrWhiteSpace(configured) ? Default : configured;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {path}. Install it (apt-get install -y chromium) or set the environment variable {Variable} to the browser executable.");
        }
        return path;
    }
}
