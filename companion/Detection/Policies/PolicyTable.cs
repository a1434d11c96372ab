using System.Text.Json;
using System.Text.Json.Serialization;

namespace Refully.Companion.Detection.Policies;

/// <summary>One rule: for these marketplaces and this claim type, from this date, wait this long and file within this window.</summary>
public sealed record PolicyEntry(
    IReadOnlyList<string> Marketplaces,
    ClaimType ClaimType,
    int WaitDays,
    int WindowDays,
    DateOnly EffectiveFrom,
    string Source,
    bool Uncertain = false,
    string? Note = null);

/// <summary>The error of a policy file that cannot be used, with where it is.</summary>
public sealed class PolicyFileException(string message) : Exception(message);

/// <summary>
/// The claim windows per marketplace and claim type (docs/detection.md). Shipped defaults
/// (Detection/Policies/default-policies.json, embedded) can be overridden by the user's own file: its
/// entries are added on top and win over a default with the same marketplace, type and effective date.
/// The entry used is the one in effect on asOf (latest effectiveFrom on or before it); a rule naming the
/// marketplace beats the "*" fallback.
/// </summary>
public sealed class PolicyTable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    private readonly List<(PolicyEntry Entry, int Priority)> _entries;

    private PolicyTable(List<(PolicyEntry, int)> entries) => _entries = entries;

    public IEnumerable<PolicyEntry> Entries => _entries.Select(e => e.Entry);

    /// <summary>The shipped defaults.</summary>
    public static PolicyTable Defaults()
    {
        using var stream = typeof(PolicyTable).Assembly.GetManifestResourceStream("Refully.default-policies.json")
            ?? throw new InvalidOperationException("The default policy table is missing from the build.");
        return new PolicyTable(Parse(stream, "default-policies.json").Select(e => (e, 0)).ToList());
    }

    /// <summary>The defaults with the user's file on top (when the file exists).</summary>
    public static PolicyTable Load(string? userFile)
    {
        var table = Defaults();
        if (string.IsNullOrWhiteSpace(userFile) || !File.Exists(userFile))
        {
            return table;
        }
        using var stream = File.OpenRead(userFile);
        table._entries.AddRange(Parse(stream, userFile).Select(e => (e, 1)));
        return table;
    }

    /// <summary>The rule in effect on <paramref name="asOf"/> for a marketplace and claim type.</summary>
    public PolicyEntry Find(string marketplace, ClaimType type, DateOnly asOf)
    {
        PolicyEntry? best = null;
        var bestRank = (Specific: false, Effective: DateOnly.MinValue, Priority: -1);
        foreach (var (entry, priority) in _entries)
        {
            if (entry.ClaimType != type || entry.EffectiveFrom > asOf)
            {
                continue;
            }
            var specific = entry.Marketplaces.Contains(marketplace, StringComparer.OrdinalIgnoreCase);
            if (!specific && !entry.Marketplaces.Contains("*"))
            {
                continue;
            }
            var rank = (specific, entry.EffectiveFrom, priority);
            if (best is null || Compare(rank, bestRank) > 0)
            {
                best = entry;
                bestRank = rank;
            }
        }
        return best ?? throw new PolicyFileException($"No claim window is defined for {type} in {marketplace} on {asOf:yyyy-MM-dd}; add one to the policy file.");
    }

    private static int Compare((bool Specific, DateOnly Effective, int Priority) a, (bool Specific, DateOnly Effective, int Priority) b) =>
        a.Specific != b.Specific ? (a.Specific ? 1 : -1)
        : a.Effective != b.Effective ? a.Effective.CompareTo(b.Effective)
        : a.Priority.CompareTo(b.Priority);

    private sealed record PolicyFile(List<PolicyEntry>? Policies);

    private static List<PolicyEntry> Parse(Stream stream, string file)
    {
        PolicyFile? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<PolicyFile>(stream, Json);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"{file}:{line + 1}:{(ex.BytePositionInLine ?? 0) + 1}" : file;
            throw new PolicyFileException($"{where}: the policy file is not valid: {ex.Message}");
        }
        var entries = parsed?.Policies ?? throw new PolicyFileException($"{file}: the policy file needs a \"policies\" array.");
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var problem = e switch
            {
                { Marketplaces: null or { Count: 0 } } => "names no marketplaces",
                { WaitDays: < 0 } => "has a negative waitDays",
                { WindowDays: var w, WaitDays: var d } when w < d => "has a windowDays shorter than its waitDays",
                { Source: null or "" } => "does not say its source",
                _ => null,
            };
            if (problem is not null)
            {
                throw new PolicyFileException($"{file}: policies[{i}] ({e.ClaimType}) {problem}.");
            }
        }
        return entries;
    }
}
