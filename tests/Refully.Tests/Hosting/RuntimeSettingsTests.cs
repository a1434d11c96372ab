using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
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

    /// <summary>
    /// Release builds (the default) are precompiled: the companion and LiteDB carry ReadyToRun code, AngleSharp does
    /// not, and the loops of reading a page are compiled by the JIT at first call (docs/performance.md, "scan, fifth round").
    /// A Debug build is plain IL.
    /// </summary>
    [Fact]
    public void AReleaseBuildIsPrecompiledExceptThePagePath()
    {
        var output = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "Refully.Companion", BuildPivot));
#if DEBUG
        IsReadyToRun(Path.Combine(output, "Refully.Companion.dll")).Should().BeFalse();
#else
        IsReadyToRun(Path.Combine(output, "Refully.Companion.dll")).Should().BeTrue();
        IsReadyToRun(Path.Combine(output, "LiteDB.dll")).Should().BeTrue();
        IsReadyToRun(typeof(Program).Assembly.Location).Should().BeTrue("the tests load the companion's build");
#endif
        IsReadyToRun(Path.Combine(output, "AngleSharp.dll")).Should().BeFalse();

        var reader = typeof(Refully.Companion.Pages.TextualComposer).GetNestedType("Reader", BindingFlags.NonPublic)!;
        foreach (var name in new[] { "Run", "ReadContent", "Next", "ReadTag", "Write", "TryDefer" })
        {
            reader.GetMethod(name, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!.MethodImplementationFlags
                .Should().HaveFlag(MethodImplAttributes.AggressiveOptimization, name);
        }
    }

#if DEBUG
    private const string BuildPivot = "debug";
#else
    private const string BuildPivot = "release";
#endif

    private static bool IsReadyToRun(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }
}
