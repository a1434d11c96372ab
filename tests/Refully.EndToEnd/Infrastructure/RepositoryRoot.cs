using System.Reflection;

namespace Refully.EndToEnd.Infrastructure;

/// <summary>The repository root (the folder holding refully-ext.sln), which Chromium loads as the unpacked extension.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        // REFULLY_REPOSITORY_ROOT: another checkout's extension and fixtures (the benchmark's before/after runs).
        if (Environment.GetEnvironmentVariable("REFULLY_REPOSITORY_ROOT") is { Length: > 0 } root && File.Exists(System.IO.Path.Combine(root, "refully-ext.sln")))
        {
            return root;
        }
        // The build output may live outside the repository (REFULLY_ARTIFACTS), so after the output folder
        // try the source folder the build recorded, then the working directory.
        var sourceDirectory = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SourceDirectory")?.Value;
        string?[] starts = [AppContext.BaseDirectory, sourceDirectory, Environment.CurrentDirectory];
        foreach (var start in starts.OfType<string>())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "refully-ext.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException(
            $"No folder holding refully-ext.sln above {string.Join(", ", starts)}: run the tests from the repository.");
    }

    public static string Fixture(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
