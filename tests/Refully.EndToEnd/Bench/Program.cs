namespace Refully.EndToEnd.Bench;

/// <summary>
/// `dotnet Refully.EndToEnd.dll bench [CAPTURES [RUNS]]`, run from the build output folder (what scripts/bench-browser does).
/// `dotnet test` does not use this entry point: the test host loads the assembly itself.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "probe")
        {
            return await Probe.RunAsync(args[1], Console.Out);
        }
        if (args.Length == 0 || args[0] != "bench")
        {
            Console.Error.WriteLine("Usage: scripts/bench-browser [CAPTURES [RUNS]]   (the tests run with dotnet test)");
            return 2;
        }
        var captures = args.Length > 1 && int.TryParse(args[1], out var n) && n > 0 ? n : 30;
        var runs = args.Length > 2 && int.TryParse(args[2], out var r) && r > 0 ? r : 1;
        return await BrowserBenchmark.RunAsync(captures, runs, Console.Out);
    }
}
