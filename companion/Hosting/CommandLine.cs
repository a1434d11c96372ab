using Microsoft.Extensions.Configuration;
using Refully.Companion.Storage;

namespace Refully.Companion.Hosting;

/// <summary>
/// Sub-commands of the companion executable that run without the web server:
/// <c>token</c> (print a new token; <c>--list</c>, <c>--revoke ID|all</c>).
/// Other arguments fall through to the web host.
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<string[], int>> Commands = new(StringComparer.Ordinal)
    {
        ["token"] = TokenCommand,
        ["scan"] = Reports.Import.ScanCommand.Run,
    };

    /// <summary>Registers a further sub-command (used by features such as `scan`).</summary>
    public static void Register(string name, Func<string[], int> command) => Commands[name] = command;

    public static bool TryRunCommand(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (args.Length == 0 || !Commands.TryGetValue(args[0], out var command))
        {
            return false;
        }
        try
        {
            exitCode = command(args[1..]);
        }
        catch (StorageUnavailableException ex)
        {
            Console.Error.WriteLine(ex.Message);
            exitCode = 3;
        }
        return true;
    }

    /// <summary>The options the web host would use (appsettings, environment, --db), for commands.</summary>
    public static CompanionOptions LoadOptions(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args, new Dictionary<string, string> { ["--db"] = "Companion:DbPath" })
            .Build();
        return configuration.GetSection("Companion").Get<CompanionOptions>() ?? new CompanionOptions();
    }

    private static int TokenCommand(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--db" or "--revoke")
            {
                i++; // its value (a missing one is reported below, or by the data file)
            }
            else if (args[i] != "--list")
            {
                // Anything else is a mistake (`token list` for `token --list`): no token is issued by accident.
                Console.Error.WriteLine($"token does not know '{args[i]}'. Use: token [--list | --revoke ID|all] [--db FILE]");
                return 2;
            }
        }
        var options = LoadOptions(args);
        using var db = new CompanionDatabase(options.ResolveDbPath());
        var tokens = new TokenStore(db, TimeProvider.System);
        if (args.Contains("--list"))
        {
            foreach (var t in tokens.List())
            {
                var state = t.RevokedAt is null ? "live" : $"revoked {t.RevokedAt:yyyy-MM-dd HH:mm}";
                Console.WriteLine($"{t.Id}\t{state}\t{t.Label}\t{t.Origin ?? "(unbound)"}\tcreated {t.CreatedAt:yyyy-MM-dd HH:mm}");
            }
            return 0;
        }
        var revoke = Array.IndexOf(args, "--revoke");
        if (revoke >= 0)
        {
            if (revoke + 1 >= args.Length)
            {
                Console.Error.WriteLine("token --revoke needs a token id (see token --list) or 'all'.");
                return 2;
            }
            var id = args[revoke + 1];
            if (id == "all")
            {
                Console.WriteLine($"Revoked {tokens.RevokeAll()} token(s).");
                return 0;
            }
            if (!tokens.Revoke(id))
            {
                Console.Error.WriteLine($"No live token has the id '{id}'.");
                return 1;
            }
            Console.WriteLine($"Revoked token {id}.");
            return 0;
        }
        var issued = tokens.Issue("command line", origin: null);
        Console.WriteLine(issued.Token);
        Console.Error.WriteLine($"Token {issued.Id} created. Give it to the extension as chrome.storage.local {{ token }} or send it as Authorization: Bearer <token>.");
        return 0;
    }
}
