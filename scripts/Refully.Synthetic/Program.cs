using System.Globalization;
using Refully.Synthetic;

// generate-account --seed N --out DIR [--as-of YYYY-MM-DD] [--scale N] [--no-eu]
const string usage = "usage: generate-account --seed N --out DIR [--as-of YYYY-MM-DD] [--scale N] [--no-eu]";
int? seed = null;
string? outDir = null;
var asOf = new DateOnly(2026, 11, 26);
var scale = 1;
var europe = true;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    try
    {
        switch (args[i])
        {
            case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--out": outDir = Value(); break;
            case "--as-of": asOf = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
            case "--scale": scale = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--no-eu": europe = false; break;
            case "-h" or "--help": Console.WriteLine(usage); return 0;
            default: throw new ArgumentException($"unknown argument {args[i]}");
        }
    }
    catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
    {
        Console.Error.WriteLine(ex.Message);
        Console.Error.WriteLine(usage);
        return 2;
    }
}
if (seed is null || outDir is null || scale < 1)
{
    Console.Error.WriteLine(usage);
    return 2;
}

var result = AccountGenerator.Generate(seed.Value, outDir, asOf, scale, europe);
foreach (var file in result.Files)
{
    Console.WriteLine($"{Path.Combine(result.ReportsFolder, file.File)}\t{file.Report}\t{file.Rows} rows");
}
Console.WriteLine($"{result.ExpectedFile}\t{result.Findings} expected findings, {result.Decoys} decoys (as of {asOf:yyyy-MM-dd})");
return 0;
