using System.Text.Json;

namespace Refully.Tests.Hosting;

/// <summary>
/// The runtime settings the companion's benchmarks were measured with (docs/performance.md, "Runtime settings") are in
/// the runtime configuration `dotnet run` and `dotnet Refully.Companion.dll` start it with.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void TheCompanionStartsWithWorkstationGcNoPgoNoQuickJitAndPagesBelowTheLargeObjectHeap()
    {
        var config = Path.ChangeExtension(typeof(Program).Assembly.Location, ".runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(config));
        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        properties.GetProperty("System.GC.Server").GetBoolean().Should().BeFalse();
        properties.GetProperty("System.Runtime.TieredPGO").GetBoolean().Should().BeFalse();
        properties.GetProperty("System.Runtime.TieredCompilation.QuickJit").GetBoolean().Should().BeFalse();
        // A 2 MB page is a 4 MB string: below the threshold it is a gen-0 object, not a large-object-heap one.
        properties.GetProperty("System.GC.LOHThreshold").GetInt32().Should().Be(16 * 1024 * 1024);
    }
}
