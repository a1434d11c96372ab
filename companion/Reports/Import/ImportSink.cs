using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using Refully.Companion.Storage;

namespace Refully.Companion.Reports.Import;

/// <summary>
/// Where a reader's records go during an import: each gets its Id (natural key + "#" + its occurrence in this
/// file, so identical rows of one download are separate events and a second download of them replaces, not
/// adds), and they are stored in batches so memory does not grow with the file. Keeps the summary figures.
/// Once the file has an error nothing more is stored (the transaction will be rolled back anyway).
/// <para>
/// <see cref="Run"/> overlaps reading and storing: the file is read (and each batch turned into documents) on a
/// second thread while the calling thread, which owns the import's LiteDB transaction, stores the batches before
/// it; at most <see cref="QueuedBatches"/> wait between them, so memory does not grow with the file either.
/// </para>
/// </summary>
public sealed class ImportSink(RecordStore store, ProblemLog problems, int batchSize, bool keep = false) : IRecordSink
{
    /// <summary>Natural keys longer than this are replaced by their hash in the Id (index keys stay small).</summary>
    public const int MaxKeyLength = 200;

    /// <summary>Batches read and prepared but not stored yet, at most (<see cref="Run"/>).</summary>
    internal const int QueuedBatches = 2;

    private List<DomainRecord> _batch = new(batchSize);
    private BlockingCollection<PreparedRecords>? _queue;
    private CancellationToken _stopped;
    private readonly Dictionary<UInt128, int> _occurrences = [];
    private readonly SortedSet<string> _marketplaces = new(StringComparer.Ordinal);
    private readonly List<DomainRecord>? _kept = keep ? [] : null;

    /// <summary>What <see cref="Run"/>'s reading thread queued for storing, in order (when keeping records).</summary>
    private readonly List<DomainRecord>? _queued = keep ? [] : null;

    /// <summary>The records stored, in order, when the sink was asked to keep them (for <see cref="ImportedRecords"/>).</summary>
    internal IReadOnlyList<DomainRecord> Kept => _kept ?? [];

    /// <summary>
    /// When keeping records and <see cref="Run"/> read the file without errors: the same records as <see cref="Kept"/>
    /// once the file is stored, per type in id order (<see cref="ImportedRecords.InIdOrder"/>), sorted on another thread
    /// while the last batches are stored and the transaction commits. Null otherwise.
    /// </summary>
    internal Task<IReadOnlyDictionary<Type, Array>>? Sorted { get; private set; }

    public long Records { get; private set; }

    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    public IReadOnlyCollection<string> Marketplaces => _marketplaces;

    /// <summary>Time spent storing (the rest of an import is reading).</summary>
    public TimeSpan StoreTime { get; private set; }

    public void Add(DomainRecord record)
    {
        record.Id = IdFor(record.NaturalKey());
        Records++;
        if (record.Marketplace is { } marketplace)
        {
            _marketplaces.Add(marketplace);
        }
        if (record.RecordDate is { } date)
        {
            From = From is null || date < From ? date : From;
            To = To is null || date > To ? date : To;
        }
        if (problems.HasErrors)
        {
            return;
        }
        _batch.Add(record);
        if (_batch.Count >= batchSize)
        {
            Flush();
        }
    }

    public void Flush()
    {
        if (_batch.Count > 0 && !problems.HasErrors)
        {
            if (_queue is { } queue)
            {
                // Reading thread of Run: documents made here, stored by the thread that owns the transaction.
                var prepared = store.Prepare(_batch);
                _queued?.AddRange(_batch);
                _batch = new List<DomainRecord>(batchSize);
                queue.Add(prepared, _stopped);
                return;
            }
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            store.Upsert(_batch);
            _kept?.AddRange(_batch);
            StoreTime += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        }
        _batch.Clear();
    }

    /// <summary>
    /// Runs <paramref name="read"/> (which adds the file's records to this sink) on a second thread and stores the
    /// batches it fills on the calling thread, the one that owns the import's transaction; ends with a
    /// <see cref="Flush"/>. Returns what <paramref name="read"/> returned, or throws what it threw (a failure to
    /// store wins and stops the reading). Nothing is read or stored any more when it returns.
    /// </summary>
    public long Run(Func<long> read)
    {
        using var queue = new BlockingCollection<PreparedRecords>(QueuedBatches);
        using var stop = new CancellationTokenSource();
        _queue = queue;
        _stopped = stop.Token;
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        long rows = 0;
        ExceptionDispatchInfo? readFailure = null, storeFailure = null;
        var reader = new Thread(() =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            try
            {
                rows = read();
                Flush();
                if (_queued is { } queued && !problems.HasErrors)
                {
                    Sorted = Task.Run(() => ImportedRecords.InIdOrder(queued));
                }
            }
            catch (Exception ex)
            {
                readFailure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        { IsBackground = true, Name = "Refully import reader" };
        reader.Start();
        try
        {
            foreach (var prepared in queue.GetConsumingEnumerable())
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                store.Write(prepared);
                _kept?.AddRange(prepared.Records);
                StoreTime += System.Diagnostics.Stopwatch.GetElapsedTime(started);
            }
        }
        catch (Exception ex)
        {
            storeFailure = ExceptionDispatchInfo.Capture(ex);
            stop.Cancel();
        }
        finally
        {
            reader.Join();
            _queue = null;
            _stopped = default;
        }
        storeFailure?.Throw();
        readFailure?.Throw();
        return rows;
    }

    private string IdFor(string naturalKey)
    {
        var length = Encoding.UTF8.GetMaxByteCount(naturalKey.Length);
        Span<byte> bytes = length <= 1024 ? stackalloc byte[length] : new byte[length];
        bytes = bytes[..Encoding.UTF8.GetBytes(naturalKey, bytes)];
        Span<byte> hash = stackalloc byte[16];
        MD5.HashData(bytes, hash);
        var key = MemoryMarshal.Read<UInt128>(hash);
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_occurrences, key, out _);
        count++;
        var text = naturalKey.Length <= MaxKeyLength ? naturalKey : "h:" + Convert.ToHexString(SHA256.HashData(bytes));
        return $"{text}#{count}";
    }
}
