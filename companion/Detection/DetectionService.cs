using Microsoft.Extensions.Options;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Domain;
using Refully.Companion.Domain.Records;
using Refully.Companion.Hosting;
using Refully.Companion.Reports.Import;
using Refully.Companion.Storage;

namespace Refully.Companion.Detection;

/// <summary>
/// Runs detection over everything stored and merges the result into the finding store. This is the one
/// place that reads records for detection; the engine itself never touches the store.
/// The record lists detection reads are kept in memory between runs (<see cref="RecordCache"/>), valid while
/// <see cref="CompanionDatabase.RecordWrites"/> is the value they were read or last updated at: a page's own
/// write updates them with exactly what it stored (<see cref="RecordsStored"/>), any other write makes the next run
/// read the store again. Without the database (tests, scan) every run reads the store.
/// </summary>
public sealed class DetectionService(RecordStore records, FindingStore findings, DetectionEngine engine, TimeProvider time,
    IEnumerable<IDetectionFollowUp>? followUps = null, CompanionDatabase? database = null)
{
    private readonly Lock _gate = new();
    private RecordCache? _cache;

    // The last run over the cached lists (to continue from incrementally), and the records the last page wrote into them.
    private DetectionRun? _last;
    private (long From, long To, IReadOnlyList<DomainRecord> Records)? _written;

    /// <summary>Runs answered by <see cref="IncrementalDetection"/> instead of the whole engine (for tests).</summary>
    internal int IncrementalRuns { get; private set; }

    /// <summary>The detectors the last incremental run ran again in full (for tests).</summary>
    internal IReadOnlyList<ClaimType> LastRerun { get; private set; } = [];

    /// <summary>Runs of the whole engine.</summary>
    internal int FullRuns { get; private set; }

    /// <summary>The engine's findings of the last run over the cached lists (for tests).</summary>
    internal IReadOnlyList<Finding>? LastComputed
    {
        get
        {
            lock (_gate)
            {
                return _last?.Findings;
            }
        }
    }

    public DetectionInput LoadInput() => LoadInput(null);

    /// <summary>The input, taking the records a scan just imported from memory where they are all there is of their type.</summary>
    internal DetectionInput LoadInput(ImportedRecords? imported)
    {
        if (imported is not null || database is null || !records.OrdinalIds)
        {
            return Read(imported);
        }
        lock (_gate)
        {
            var generation = database.RecordWrites; // before reading: a write committed meanwhile moves it past the cache
            if (_cache is null || _cache.Generation != generation)
            {
                _cache = RecordCache.From(Read(null), generation);
            }
            return _cache.Input();
        }
    }

    private DetectionInput Read(ImportedRecords? imported) => new()
    {
        Ledger = imported?.Get<LedgerEvent>() ?? records.All<LedgerEvent>(),
        Reimbursements = imported?.Get<Reimbursement>() ?? records.All<Reimbursement>(),
        Returns = imported?.Get<CustomerReturn>() ?? records.All<CustomerReturn>(),
        Replacements = imported?.Get<Replacement>() ?? records.All<Replacement>(),
        Transactions = imported?.Get<Transaction>() ?? records.All<Transaction>(),
        InboundShipments = imported?.Get<InboundShipment>() ?? records.All<InboundShipment>(),
        InboundItems = imported?.Get<InboundShipmentItem>() ?? records.All<InboundShipmentItem>(),
        Removals = imported?.Get<RemovalOrderLine>() ?? records.All<RemovalOrderLine>(),
        Fees = imported?.Get<FeeEstimate>() ?? records.All<FeeEstimate>(),
        Costs = imported?.Get<UnitCost>() ?? records.All<UnitCost>(),
    };

    /// <summary>
    /// A page stored <paramref name="written"/>: when the cached lists were valid just before that write and no other
    /// record write was noted around it, they take the stored records (replacing by id, new ones in id order) and
    /// become valid at its generation; otherwise the next run reads the store.
    /// </summary>
    public void RecordsStored(StoredRecords written)
    {
        lock (_gate)
        {
            if (_cache is { } cache && cache.Generation == written.Before && written.Alone)
            {
                _cache = cache.With(written.Records, written.After);
                _written = (written.Before, written.After, written.Records);
            }
        }
    }

    /// <summary>
    /// The cached record lists as an answer to which ids are stored (<see cref="PageRecordStore"/> skips looking up the ids
    /// they prove new), or null when there are none; they answer only at their own generation.
    /// </summary>
    public IStoredIds? StoredIds()
    {
        lock (_gate)
        {
            return _cache;
        }
    }

    /// <summary>Detects at <paramref name="asOf"/>, or at today in each marketplace's own time zone.</summary>
    public IReadOnlyList<FindingDocument> Run(DateOnly? asOf, string source) => Run(asOf, source, null, null);

    /// <summary>
    /// As <see cref="Run(DateOnly?, string)"/>, answering only the findings <paramref name="answer"/> selects (a page's: on an
    /// account of tens of thousands of findings, copying and sorting all of them cost more than detecting).
    /// </summary>
    public IReadOnlyList<FindingDocument> Run(DateOnly? asOf, string source, FindingQuery answer) => Run(asOf, source, null, null, answer);

    /// <summary>
    /// As <see cref="Run(DateOnly?, string)"/>, with the records a scan just imported (<see cref="LoadInput(ImportedRecords?)"/>)
    /// and reporting the time of each phase (loading, engine, storing findings).
    /// </summary>
    internal IReadOnlyList<FindingDocument> Run(DateOnly? asOf, string source, ImportedRecords? imported, Action<string>? phase, FindingQuery? answer = null)
    {
        lock (_gate)
        {
            var input = LoadInput(imported);
            phase?.Invoke("load records");
            Func<string, DateOnly> dates = asOf is { } fixedDate ? _ => fixedDate : Today;
            var computed = Detect(input, imported is null ? _cache : null, dates);
            phase?.Invoke("engine");
            if (followUps?.Any() == true)
            {
                // Claim tracking reads and writes findings, which are read afresh after it: no answer from the write.
                findings.Store(computed, source);
                phase?.Invoke("store findings");
                return FollowUp(input, source, answer ?? new FindingQuery());
            }
            var synced = findings.Sync(computed, source);
            phase?.Invoke("store findings");
            return answer is null ? synced : [.. synced.Where(answer.Selects)];
        }
    }

    /// <summary>
    /// The engine's findings over <paramref name="input"/>: when it is the cached lists right after a page wrote into the
    /// lists of the last run, continued from that run where <see cref="IncrementalDetection"/> can prove the result the
    /// same, else a run of the whole engine (kept to continue from when over the cached lists). Call under the gate.
    /// </summary>
    private IReadOnlyList<Finding> Detect(DetectionInput input, RecordCache? cache, Func<string, DateOnly> asOf)
    {
        var cached = cache is not null && cache.Serves(input);
        if (cached && _last is { } last && _written is { } written && last.Generation == written.From && cache!.Generation == written.To
            && IncrementalDetection.TryContinue(engine, last, input, written.Records, asOf, written.To) is { } next)
        {
            _last = next.Next;
            IncrementalRuns++;
            LastRerun = next.Rerun;
            return next.Findings;
        }
        _last = null;
        var computed = engine.Run(input, asOf, out var used);
        FullRuns++;
        if (cached)
        {
            _last = new DetectionRun(cache!.Generation, input, computed, used.Valuer, used.Dates);
        }
        return computed;
    }

    /// <summary>Runs what follows detection (claim tracking), then reads the findings again.</summary>
    private IReadOnlyList<FindingDocument> FollowUp(DetectionInput input, string source, FindingQuery answer)
    {
        foreach (var followUp in followUps ?? [])
        {
            followUp.AfterDetection(input, source);
        }
        return findings.Query(answer);
    }

    /// <summary>Today's date in the marketplace's time zone (claims.md §1 "asOf").</summary>
    public DateOnly Today(string marketplace)
    {
        var zone = Marketplaces.FromCode(marketplace)?.TimeZone ?? "UTC";
        var tz = TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), tz).DateTime);
    }
}

/// <summary>
/// Detection's record lists as stored at <see cref="Generation"/>, each in the store's id order (ordinal, ignoring
/// case: the collation of data files this version creates; others are not cached). Never changed in place: an
/// update makes new lists, so an input handed out earlier stays as it was.
/// </summary>
internal sealed class RecordCache : IStoredIds
{
    private readonly Dictionary<Type, object> _lists;

    private RecordCache(Dictionary<Type, object> lists, long generation)
    {
        _lists = lists;
        Generation = generation;
    }

    public long Generation { get; }

    public static RecordCache From(DetectionInput input, long generation) => new(new Dictionary<Type, object>
    {
        [typeof(LedgerEvent)] = input.Ledger,
        [typeof(Reimbursement)] = input.Reimbursements,
        [typeof(CustomerReturn)] = input.Returns,
        [typeof(Replacement)] = input.Replacements,
        [typeof(Transaction)] = input.Transactions,
        [typeof(InboundShipment)] = input.InboundShipments,
        [typeof(InboundShipmentItem)] = input.InboundItems,
        [typeof(RemovalOrderLine)] = input.Removals,
        [typeof(FeeEstimate)] = input.Fees,
        [typeof(UnitCost)] = input.Costs,
    }, generation);

    /// <summary>True when <paramref name="input"/> is over exactly these lists (an input this cache handed out).</summary>
    public bool Serves(DetectionInput input) =>
        ReferenceEquals(input.Ledger, _lists[typeof(LedgerEvent)]) && ReferenceEquals(input.Reimbursements, _lists[typeof(Reimbursement)])
        && ReferenceEquals(input.Returns, _lists[typeof(CustomerReturn)]) && ReferenceEquals(input.Replacements, _lists[typeof(Replacement)])
        && ReferenceEquals(input.Transactions, _lists[typeof(Transaction)]) && ReferenceEquals(input.InboundShipments, _lists[typeof(InboundShipment)])
        && ReferenceEquals(input.InboundItems, _lists[typeof(InboundShipmentItem)]) && ReferenceEquals(input.Removals, _lists[typeof(RemovalOrderLine)])
        && ReferenceEquals(input.Fees, _lists[typeof(FeeEstimate)]) && ReferenceEquals(input.Costs, _lists[typeof(UnitCost)]);

    /// <summary>A new input over the cached lists (its shared indexes are built afresh).</summary>
    public DetectionInput Input() => new()
    {
        Ledger = Get<LedgerEvent>(),
        Reimbursements = Get<Reimbursement>(),
        Returns = Get<CustomerReturn>(),
        Replacements = Get<Replacement>(),
        Transactions = Get<Transaction>(),
        InboundShipments = Get<InboundShipment>(),
        InboundItems = Get<InboundShipmentItem>(),
        Removals = Get<RemovalOrderLine>(),
        Fees = Get<FeeEstimate>(),
        Costs = Get<UnitCost>(),
    };

    private IReadOnlyList<T> Get<T>() where T : DomainRecord => (IReadOnlyList<T>)_lists[typeof(T)];

    /// <summary>Whether a record of this type and id (compared as the store does) is in the lists; null for a type detection does not read.</summary>
    public bool? Contains(Type recordType, string id) =>
        _lists.TryGetValue(recordType, out var list) ? Find((IReadOnlyList<DomainRecord>)list, id) >= 0 : null;

    /// <summary>These lists with <paramref name="stored"/> written into them (types detection does not read are ignored).</summary>
    public RecordCache With(IReadOnlyList<DomainRecord> stored, long generation)
    {
        var lists = new Dictionary<Type, object>(_lists);
        foreach (var group in stored.GroupBy(r => r.GetType()))
        {
            if (lists.TryGetValue(group.Key, out var list))
            {
                var changed = group.ToList();
                lists[group.Key] = list switch
                {
                    IReadOnlyList<LedgerEvent> l => Merge(l, changed),
                    IReadOnlyList<Reimbursement> l => Merge(l, changed),
                    IReadOnlyList<CustomerReturn> l => Merge(l, changed),
                    IReadOnlyList<Replacement> l => Merge(l, changed),
                    IReadOnlyList<Transaction> l => Merge(l, changed),
                    IReadOnlyList<InboundShipment> l => Merge(l, changed),
                    IReadOnlyList<InboundShipmentItem> l => Merge(l, changed),
                    IReadOnlyList<RemovalOrderLine> l => Merge(l, changed),
                    IReadOnlyList<FeeEstimate> l => Merge(l, changed),
                    IReadOnlyList<UnitCost> l => Merge(l, changed),
                    _ => throw new InvalidOperationException($"No cached list of {group.Key.Name}."),
                };
            }
        }
        return new RecordCache(lists, generation);
    }

    /// <summary>
    /// <paramref name="list"/> (in id order) with records of the same id replaced and the others inserted in id order:
    /// each stored record's place found by binary search, then one copy of the list.
    /// </summary>
    private static IReadOnlyList<T> Merge<T>(IReadOnlyList<T> list, List<DomainRecord> stored) where T : DomainRecord
    {
        var byId = new Dictionary<string, T>(stored.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var record in stored)
        {
            byId[record.Id] = (T)record; // the last one written wins
        }
        var replaced = new Dictionary<int, T>();
        var added = new List<(int At, T Record)>();
        foreach (var record in byId.Values)
        {
            var index = Find(list, record.Id);
            if (index >= 0)
            {
                replaced[index] = record;
            }
            else
            {
                added.Add((~index, record));
            }
        }
        added.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : StringComparer.OrdinalIgnoreCase.Compare(a.Record.Id, b.Record.Id));
        var merged = new List<T>(list.Count + added.Count);
        var next = 0;
        for (var i = 0; i <= list.Count; i++)
        {
            while (next < added.Count && added[next].At == i)
            {
                merged.Add(added[next++].Record);
            }
            if (i < list.Count)
            {
                merged.Add(replaced.TryGetValue(i, out var update) ? update : list[i]);
            }
        }
        return merged;
    }

    /// <summary>The index of <paramref name="id"/> in <paramref name="list"/> (in id order), or the complement of where it would go.</summary>
    internal static int Find<T>(IReadOnlyList<T> list, string id) where T : DomainRecord
    {
        int low = 0, high = list.Count - 1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var order = StringComparer.OrdinalIgnoreCase.Compare(list[middle].Id, id);
            if (order == 0)
            {
                return middle;
            }
            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return ~low;
    }
}

/// <summary>Where the user's policy file lives (default: policies.json beside the data file).</summary>
public sealed class DetectionOptions
{
    public string PolicyFile { get; set; } = "";

    public string ResolvePolicyFile(CompanionOptions companion) =>
        string.IsNullOrWhiteSpace(PolicyFile)
            ? Path.Combine(Path.GetDirectoryName(companion.ResolveDbPath()) ?? ".", "policies.json")
            : Path.GetFullPath(PolicyFile);
}

public static class DetectionServiceCollectionExtensions
{
    public static IServiceCollection AddDetection(this IServiceCollection services, Func<IReadOnlyList<IDetector>> detectors)
    {
        services.AddOptions<DetectionOptions>().BindConfiguration("Detection");
        services.AddSingleton(sp => PolicyTable.Load(sp.GetRequiredService<IOptions<DetectionOptions>>().Value
            .ResolvePolicyFile(sp.GetRequiredService<IOptions<CompanionOptions>>().Value)));
        services.AddSingleton(sp => new DetectionEngine(sp.GetRequiredService<PolicyTable>(), detectors()));
        services.AddSingleton<FindingStore>();
        services.AddSingleton<DetectionService>();
        return services;
    }
}
