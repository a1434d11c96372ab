using System.Text.Json;

namespace Refully.EndToEnd;

/// <summary>
/// The companion these tests and scripts/bench-browser run lives inside this process, so this process must start with
/// the runtime settings the companion ships with, or the browser benchmark measures another companion.
/// </summary>
public sealed class RuntimeSettingsTests
{
    private static readonly string[] Settings =
        ["System.GC.Server", "System.Runtime.TieredPGO", "System.Runtime.TieredCompilation.QuickJit", "System.GC.LOHThreshold"];

    private static Dictionary<string, string> Read(string assemblyPath)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(assemblyPath, ".runtimeconfig.json")));
        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        return Settings.ToDictionary(s => s, s => properties.TryGetProperty(s, out var value) ? value.ToString() : "(default)");
    }

    [Fact]
    public void TheHostOfTheCompanionStartsWithTheCompanionsRuntimeSettings()
    {
        var companion = Read(typeof(Refully.Companion.Pages.PageIntake).Assembly.Location);
        companion.Values.Should().NotContain("(default)", "the companion sets each of them");
        Read(typeof(RuntimeSettingsTests).Assembly.Location).Should().Equal(companion);
    }
}
