using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    /// Detectors run in parallel (each is a pure function of the input; the shared indexes are built first). Their
    /// candidates are handed on in chunks of <see cref="ChunkSize"/>, and a thread with no detector left evaluates
    /// chunks (windows, value, id, explanation) of detectors still running, so one large detector does not leave the
    /// other cores idle. Findings are merged in detector order, chunk order, candidate order, so the result is the same
    /// as running them one after another. <paramref name="asOf"/> is asked once per marketplace per run.
    /// </remarks>
    public IReadOnlyList<Finding> Run(DetectionInput input, Func<string, DateOnly> asOf) => Run(input, asOf, out _);

    /// <summary>The detectors, in order.</summary>
    internal IReadOnlyList<IDetector> Detectors => detectors;

    /// <summary>What a run used besides its input: the valuer and the date asked per marketplace (for an incremental run to continue from).</summary>
    internal sealed record Used(Valuer Valuer, IReadOnlyDictionary<string, DateOnly> Dates);

    /// <summary>As <see cref="Run(DetectionInput, Func{string, DateOnly})"/>, also giving what the run used.</summary>
    internal IReadOnlyList<Finding> Run(DetectionInput input, Func<string, DateOnly> asOf, out Used used)
    {
        var valuer = new Valuer(input);
        input.BuildIndexes();
        var dates = new System.Collections.Concurrent.ConcurrentDictionary<string, DateOnly>(StringComparer.Ordinal);
        var chunks = new List<Chunk>[detectors.Count];
        var pending = new System.Collections.Concurrent.ConcurrentQueue<Chunk>();
        var detectorsLeft = detectors.Count;
        using var ready = new SemaphoreSlim(0);
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, detectors.Count));

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per chunk, long enough to matter, too rarely to be re-compiled soon
        void EvaluateChunk(Chunk chunk, WorkerState state)
        {
            var confidence = detectors[chunk.Detector].Confidence;
            var findings = new Finding[chunk.Count];
            for (var i = 0; i < chunk.Count; i++)
            {
                var candidate = chunk.Candidates![i];
                var date = dates.GetOrAdd(candidate.Marketplace, asOf);
                var window = (candidate.Marketplace, candidate.Type, date);
                if (!state.Windows.TryGetValue(window, out var policy))
                {
                    state.Windows[window] = policy = policies.Find(candidate.Marketplace, candidate.Type, date);
                }
                findings[i] = Evaluate(candidate, confidence, date, valuer, policy, state);
            }
            chunk.Findings = findings;
            chunk.Candidates = null;
        }

        RunInParallel(workers, (next, state) =>
        {
            // Detectors first (in order), handing on full chunks; then chunks until every detector is done and evaluated.
            if (next < detectors.Count)
            {
                var list = chunks[next] = [];
                var chunk = new Chunk(next);
                try
                {
                    foreach (var candidate in detectors[next].Detect(input))
                    {
                        if (candidate.Units <= 0)
                        {
                            continue; // claims.md §2: a finding exists only where owed units > 0
                        }
                        chunk.Candidates![chunk.Count++] = candidate;
                        if (chunk.Count == ChunkSize)
                        {
                            list.Add(chunk);
                            pending.Enqueue(chunk);
                            ready.Release();
                            chunk = new Chunk(next);
                        }
                    }
                    if (chunk.Count > 0)
                    {
                        list.Add(chunk);
                        pending.Enqueue(chunk);
                    }
                }
                finally
                {
                    if (Interlocked.Decrement(ref detectorsLeft) == 0)
                    {
                        ready.Release(workers); // wake every waiting worker: nothing more will be queued
                    }
                    else
                    {
                        ready.Release();
                    }
                }
                return true;
            }
            while (true)
            {
                if (pending.TryDequeue(out var chunk))
                {
                    EvaluateChunk(chunk, state);
                    continue;
                }
                if (Volatile.Read(ref detectorsLeft) == 0)
                {
                    while (pending.TryDequeue(out chunk))
                    {
                        EvaluateChunk(chunk, state);
                    }
                    return false;
                }
                ready.Wait();
            }
        });
        var total = 0;
        foreach (var list in chunks)
        {
            foreach (var chunk in list)
            {
                total += chunk.Count;
            }
        }
        var byId = new Dictionary<string, Finding>(total, StringComparer.Ordinal);
        foreach (var list in chunks)
        {
            foreach (var chunk in list)
            {
                foreach (var finding in chunk.Findings!)
                {
                    byId[finding.Id] = finding; // a detector that proposed the same key twice keeps the last
                }
            }
        }
        used = new Used(valuer, new Dictionary<string, DateOnly>(dates, StringComparer.Ordinal));
        return Sort(byId.Values.ToArray());
    }

    /// <summary>
    /// Findings of candidates evaluated as a run evaluates them (windows, status, value, id, explanation), on this thread,
    /// with the valuer and dates given (a marketplace not among <paramref name="dates"/> is asked of <paramref name="asOf"/>
    /// and added). For an incremental run (<see cref="IncrementalDetection"/>).
    /// </summary>
    internal List<Finding> Evaluate(IEnumerable<(Candidate Candidate, Confidence Confidence)> candidates, Valuer valuer,
        Dictionary<string, DateOnly> dates, Func<string, DateOnly> asOf)
    {
        var state = new WorkerState();
        var findings = new List<Finding>();
        foreach (var (candidate, confidence) in candidates)
        {
            if (candidate.Units <= 0)
            {
                continue; // claims.md §2: a finding exists only where owed units > 0
            }
            if (!dates.TryGetValue(candidate.Marketplace, out var date))
            {
                dates[candidate.Marketplace] = date = asOf(candidate.Marketplace);
            }
            var window = (candidate.Marketplace, candidate.Type, date);
            if (!state.Windows.TryGetValue(window, out var policy))
            {
                state.Windows[window] = policy = policies.Find(candidate.Marketplace, candidate.Type, date);
            }
            findings.Add(Evaluate(candidate, confidence, date, valuer, policy, state));
        }
        return findings;
    }

    /// <summary>Findings in the order a run gives them (deadline, type, id); ids must be unique.</summary>
    internal static Finding[] Order(Finding[] findings) => Sort(findings);

    /// <summary>
    /// <paramref name="ordered"/> (already in the order a run gives) with <paramref name="more"/> put in their places: the
    /// same as <see cref="Order"/> of both together (ids unique), in one pass over the ordered ones.
    /// </summary>
    internal static Finding[] Merge(IReadOnlyList<Finding> ordered, Finding[] more)
    {
        Array.Sort(more, CompareFindings);
        var merged = new Finding[ordered.Count + more.Length];
        int i = 0, j = 0, k = 0;
        while (i < ordered.Count && j < more.Length)
        {
            merged[k++] = CompareFindings(ordered[i], more[j]) <= 0 ? ordered[i++] : more[j++];
        }
        while (i < ordered.Count)
        {
            merged[k++] = ordered[i++];
        }
        while (j < more.Length)
        {
            merged[k++] = more[j++];
        }
        return merged;
    }

    /// <summary>
    /// Deadline, then type, then id (ordinal): the findings are put into buckets of one deadline and type (a few
    /// hundred findings each) in bucket order, and only each bucket is sorted, by id. The same order as one sort with
    /// the three keys (ids are unique), with a fraction of the comparisons.
    /// </summary>
    private static Finding[] Sort(Finding[] findings)
    {
        var bucketOf = new long[findings.Length];
        var counts = new Dictionary<long, int>();
        for (var i = 0; i < findings.Length; i++)
        {
            var type = (int)findings[i].Type;
            if ((uint)type >= 64)
            {
                Array.Sort(findings, CompareFindings); // not a known type: one plain sort
                return findings;
            }
            var bucket = bucketOf[i] = (long)findings[i].Deadline.DayNumber * 64 + type;
            CollectionsMarshal.GetValueRefOrAddDefault(counts, bucket, out _)++;
        }
        var buckets = counts.Keys.ToArray();
        Array.Sort(buckets);
        var start = new Dictionary<long, int>(buckets.Length);
        var at = 0;
        foreach (var bucket in buckets)
        {
            start[bucket] = at;
            at += counts[bucket];
        }
        var sorted = new Finding[findings.Length];
        var ids = new string[findings.Length];
        for (var i = 0; i < findings.Length; i++)
        {
            ref var next = ref CollectionsMarshal.GetValueRefOrNullRef(start, bucketOf[i]);
            sorted[next] = findings[i];
            ids[next] = findings[i].Id;
            next++;
        }
        at = 0;
        foreach (var bucket in buckets)
        {
            var count = counts[bucket];
            if (count > 1)
            {
                Array.Sort(ids, sorted, at, count, StringComparer.Ordinal);
            }
            at += count;
        }
        return sorted;
    }

    public IReadOnlyList<Finding> Run(DetectionInput input, DateOnly asOf) => Run(input, _ => asOf);

    /// <summary>Candidates per chunk handed from a detector to whichever thread evaluates them.</summary>
    private const int ChunkSize = 1024;

    private sealed class Chunk(int detector)
    {
        public int Detector { get; } = detector;
        public Candidate[]? Candidates { get; set; } = new Candidate[ChunkSize];
        public int Count { get; set; }
        public Finding[]? Findings { get; set; }
    }

    /// <summary>What one thread caches during a run: policy entries per window, and dates as explanations write them.</summary>
    private sealed class WorkerState
    {
        public Dictionary<(string Marketplace, ClaimType Type, DateOnly AsOf), PolicyEntry> Windows { get; } = [];

        private readonly Dictionary<DateOnly, string> _longDates = [];

        /// <summary>The date as "d MMM yyyy" in this thread's culture (the run's culture): the same text each time.</summary>
        public string LongDate(DateOnly date)
        {
            if (!_longDates.TryGetValue(date, out var text))
            {
                _longDates[date] = text = date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);
            }
            return text;
        }
    }

    /// <summary>Deadline, then type, then id (ordinal).</summary>
    private static int CompareFindings(Finding a, Finding b)
    {
        var c = a.Deadline.CompareTo(b.Deadline);
        c = c != 0 ? c : a.Type.CompareTo(b.Type);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on up to <paramref name="workers"/> threads (this one included) with this thread's culture:
    /// each thread calls it with 0, 1, 2 … (shared, in order of start) and its own state until it returns false.
    /// </summary>
    private static void RunInParallel(int workers, Func<int, WorkerState, bool> work)
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        var next = -1;
        ExceptionDispatchInfo? failed = null;
        void Worker()
        {
            var (savedCulture, savedUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture); // explanations format dates with it
            var state = new WorkerState();
            try
            {
                while (Volatile.Read(ref failed) is null && work(Interlocked.Increment(ref next), state))
                {
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
        var helpers = new Task[workers - 1];
        for (var i = 0; i < helpers.Length; i++)
        {
            helpers[i] = Task.Factory.StartNew(Worker, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        Worker();
        Task.WaitAll(helpers);
        failed?.Throw();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Finding Evaluate(Candidate c, Confidence confidence, DateOnly asOf, Valuer valuer, PolicyEntry policy, WorkerState state)
    {
        var eligibleFrom = c.ReferenceDate.AddDays(policy.WaitDays);
        var deadline = c.ReferenceDate.AddDays(policy.WindowDays);
        var status = asOf < eligibleFrom ? FindingStatus.Waiting
            : asOf > deadline ? FindingStatus.Expired
            : confidence == Confidence.High ? FindingStatus.Claimable
            : FindingStatus.NeedsReview;
        var value = valuer.Appraise(c);
        return new Finding(
            StableId(c), c.Type, confidence, status, c.Marketplace, value.Currency,
            c.Fnsku, c.Sku, c.Asin, c.OrderId, c.ShipmentId, c.RemovalOrderId, c.ReferenceId,
            c.Units, value.Amount, c.ReferenceDate, eligibleFrom, deadline, c.Evidence,
            Explain(c, status, eligibleFrom, deadline, policy, value, state));
    }

    /// <summary>The same claim keeps its id across re-scans: a hash of type, marketplace and the detector's key.</summary>
    public static string StableId(Candidate c) => StableId(c.Type, c.Marketplace, c.Key);

    private static readonly string[] TypeNames = Enum.GetNames<ClaimType>();

    /// <summary>"&lt;prefix&gt;-" + the first 8 bytes, in lower-case hex, of SHA-256(UTF-8 of "type|marketplace|key").</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    /// <remarks>Written into one buffer (dates formatted once per run and thread), with no string in between.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Explain(Candidate c, FindingStatus status, DateOnly eligibleFrom, DateOnly deadline, PolicyEntry policy, in Valuer.Appraisal value,
        WorkerState state)
    {
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[512]);
        text.AppendFormatted(c.Facts.AsSpan().Trim().TrimEnd('.'));
        if (c.Note is { Length: > 0 } note)
        {
            text.AppendLiteral("; ");
            text.AppendFormatted(char.ToLowerInvariant(note[0]));
            text.AppendFormatted(note.AsSpan(1).TrimEnd('.'));
        }
        text.AppendLiteral(". ");
        switch (status)
        {
            case FindingStatus.Waiting:
                text.AppendLiteral("Amazon may still settle it on its own, so claim it between ");
                text.AppendLiteral(state.LongDate(eligibleFrom));
                text.AppendLiteral(" and ");
                text.AppendLiteral(state.LongDate(deadline));
                break;
            case FindingStatus.Expired:
                text.AppendLiteral("The window to claim it closed on ");
                text.AppendLiteral(state.LongDate(deadline));
                break;
            case FindingStatus.NeedsReview:
                text.AppendLiteral("Check it before claiming, by ");
                text.AppendLiteral(state.LongDate(deadline));
                break;
            default:
                text.AppendLiteral("Claim it by ");
                text.AppendLiteral(state.LongDate(deadline));
                break;
        }
        if (policy.Uncertain)
        {
            text.AppendLiteral(" (Amazon's window for this in ");
            text.AppendLiteral(c.Marketplace);
            text.AppendLiteral(" is uncertain, so file early)");
        }
        text.AppendLiteral("; ");
        Valuer.AppendExplanation(ref text, value); // the valuation's own sentence (Valuer.Value gives the same text)
        text.AppendLiteral(".");
        return text.ToStringAndClear();
    }
}
