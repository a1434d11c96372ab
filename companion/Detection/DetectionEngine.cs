using System.Buffers;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using Refully.Companion.Detection.Policies;

namespace Refully.Companion.Detection;

/// <summary>
/// The detection engine: a function of records (<see cref="DetectionInput"/>), the policy table and the
/// evaluation date. Each detector proposes candidates; the engine gives each its window from the policy
/// table, its status on asOf, its value (claims.md §4), a stable id and an explanation.
/// </summary>
public sealed class DetectionEngine(PolicyTable policies, IReadOnlyList<IDetector> detectors)
{
    /// <summary>Runs every detector. <paramref name="asOf"/> gives the evaluation date per marketplace (its own time zone's today).</summary>
    /// <remarks>
    /// Detectors run in parallel (each is a pure function of the input; the shared indexes are built first), and
    /// their findings are merged in detector order, so the result is the same as running them one after another.
    /// <paramref name="asOf"/> is asked once per marketplace per run.
    /// </remarks>
    public IReadOnlyList<Finding> Run(DetectionInput input, Func<string, DateOnly> asOf)
    {
        var valuer = new Valuer(input);
        input.BuildIndexes();
        var dates = new System.Collections.Concurrent.ConcurrentDictionary<string, DateOnly>(StringComparer.Ordinal);
        var found = new List<Finding>[detectors.Count];
        RunInParallel(detectors.Count, i =>
        {
            var detector = detectors[i];
            var windows = new Dictionary<(string Marketplace, ClaimType Type, DateOnly AsOf), PolicyEntry>();
            var list = new List<Finding>();
            foreach (var candidate in detector.Detect(input))
            {
                if (candidate.Units <= 0)
                {
                    continue; // claims.md §2: a finding exists only where owed units > 0
                }
                var date = dates.GetOrAdd(candidate.Marketplace, asOf);
                var window = (candidate.Marketplace, candidate.Type, date);
                if (!windows.TryGetValue(window, out var policy))
                {
                    windows[window] = policy = policies.Find(candidate.Marketplace, candidate.Type, date);
                }
                list.Add(Evaluate(candidate, detector.Confidence, date, valuer, policy));
            }
            found[i] = list;
        });
        var findings = new Dictionary<string, Finding>(found.Sum(f => f.Count), StringComparer.Ordinal);
        foreach (var list in found)
        {
            foreach (var finding in list)
            {
                findings[finding.Id] = finding; // a detector that proposed the same key twice keeps the last
            }
        }
        var sorted = findings.Values.ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            var c = a.Deadline.CompareTo(b.Deadline);
            c = c != 0 ? c : a.Type.CompareTo(b.Type);
            return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        });
        return sorted;
    }

    public IReadOnlyList<Finding> Run(DetectionInput input, DateOnly asOf) => Run(input, _ => asOf);

    /// <summary>Runs work(0 … count−1) on up to one thread per core (this one included), in index order of start, with this thread's culture.</summary>
    private static void RunInParallel(int count, Action<int> work)
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        var next = -1;
        ExceptionDispatchInfo? failed = null;
        void Worker()
        {
            var (savedCulture, savedUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture); // explanations format dates with it
            try
            {
                for (var i = Interlocked.Increment(ref next); i < count && Volatile.Read(ref failed) is null; i = Interlocked.Increment(ref next))
                {
                    work(i);
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failed, ExceptionDispatchInfo.Capture(e), null);
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (savedCulture, savedUiCulture);
            }
        }
        var helpers = Enumerable.Range(0, Math.Min(Environment.ProcessorCount, count) - 1)
            .Select(_ => Task.Factory.StartNew(Worker, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        Worker();
        Task.WaitAll(helpers);
        failed?.Throw();
    }

    private Finding Evaluate(Candidate c, Confidence confidence, DateOnly asOf, Valuer valuer, PolicyEntry policy)
    {
        var eligibleFrom = c.ReferenceDate.AddDays(policy.WaitDays);
        var deadline = c.ReferenceDate.AddDays(policy.WindowDays);
        var status = asOf < eligibleFrom ? FindingStatus.Waiting
            : asOf > deadline ? FindingStatus.Expired
            : confidence == Confidence.High ? FindingStatus.Claimable
            : FindingStatus.NeedsReview;
        var value = valuer.Value(c);
        return new Finding(
            StableId(c), c.Type, confidence, status, c.Marketplace, value.Currency,
            c.Fnsku, c.Sku, c.Asin, c.OrderId, c.ShipmentId, c.RemovalOrderId, c.ReferenceId,
            c.Units, value.Amount, c.ReferenceDate, eligibleFrom, deadline, c.Evidence,
            Explain(c, status, eligibleFrom, deadline, policy, value));
    }

    /// <summary>The same claim keeps its id across re-scans: a hash of type, marketplace and the detector's key.</summary>
    public static string StableId(Candidate c) => StableId(c.Type, c.Marketplace, c.Key);

    private static readonly string[] TypeNames = Enum.GetNames<ClaimType>();

    /// <summary>"&lt;prefix&gt;-" + the first 8 bytes, in lower-case hex, of SHA-256(UTF-8 of "type|marketplace|key").</summary>
    public static string StableId(ClaimType type, string marketplace, string key)
    {
        var name = (uint)type < (uint)TypeNames.Length ? TypeNames[(int)type] : type.ToString();
        var length = name.Length + 1 + marketplace.Length + 1 + key.Length;
        char[]? rentedChars = null;
        Span<char> text = length <= 256 ? stackalloc char[length] : (rentedChars = ArrayPool<char>.Shared.Rent(length)).AsSpan(0, length);
        name.CopyTo(text);
        text[name.Length] = '|';
        marketplace.CopyTo(text[(name.Length + 1)..]);
        text[name.Length + 1 + marketplace.Length] = '|';
        key.CopyTo(text[(name.Length + 2 + marketplace.Length)..]);
        var byteCount = Encoding.UTF8.GetMaxByteCount(length);
        byte[]? rentedBytes = null;
        Span<byte> bytes = byteCount <= 768 ? stackalloc byte[byteCount] : (rentedBytes = ArrayPool<byte>.Shared.Rent(byteCount));
        var written = Encoding.UTF8.GetBytes(text, bytes);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Sha256.HashData(bytes[..written], hash);
        if (rentedChars is not null)
        {
            ArrayPool<char>.Shared.Return(rentedChars);
        }
        if (rentedBytes is not null)
        {
            ArrayPool<byte>.Shared.Return(rentedBytes);
        }
        var prefix = Prefix(type);
        Span<char> id = stackalloc char[prefix.Length + 1 + 16];
        prefix.CopyTo(id);
        id[prefix.Length] = '-';
        Convert.TryToHexStringLower(hash[..8], id[(prefix.Length + 1)..], out _);
        return new string(id);
    }

    private static string Prefix(ClaimType type) => type switch
    {
        ClaimType.LostWarehouse => "lw",
        ClaimType.DamagedWarehouse => "dw",
        ClaimType.InboundShortage => "is",
        ClaimType.RefundNotReturned => "rn",
        ClaimType.ReturnDamagedNotReimbursed => "rd",
        ClaimType.RemovalShortage => "rs",
        ClaimType.ReimbursedBelowCost => "rb",
        ClaimType.DisposedWithoutRequest => "dr",
        ClaimType.FeeOvercharge => "fo",
        ClaimType.ReturnNotRestocked => "nr",
        ClaimType.WrongItemReturned => "wi",
        ClaimType.RefundExceedsCharge => "re",
        ClaimType.InboundCarrierDamaged => "cd",
        _ => "f",
    };

    /// <summary>Two sentences: the facts (with a review note where there is one), then when to claim and what it is worth.</summary>
    private static string Explain(Candidate c, FindingStatus status, DateOnly eligibleFrom, DateOnly deadline, PolicyEntry policy, Valuation value)
    {
        var facts = c.Facts.Trim().TrimEnd('.');
        if (c.Note is { Length: > 0 } note)
        {
            facts += "; " + char.ToLowerInvariant(note[0]) + note[1..].TrimEnd('.');
        }
        var when = status switch
        {
            FindingStatus.Waiting => $"Amazon may still settle it on its own, so claim it between {eligibleFrom:d MMM yyyy} and {deadline:d MMM yyyy}",
            FindingStatus.Expired => $"The window to claim it closed on {deadline:d MMM yyyy}",
            FindingStatus.NeedsReview => $"Check it before claiming, by {deadline:d MMM yyyy}",
            _ => $"Claim it by {deadline:d MMM yyyy}",
        };
        var uncertain = policy.Uncertain ? $" (Amazon's window for this in {c.Marketplace} is uncertain, so file early)" : "";
        return $"{facts}. {when}{uncertain}; {value.Explanation}.";
    }
}
