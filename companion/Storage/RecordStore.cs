using System.Collections.Concurrent;
using LiteDB;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Storage;

/// <summary>
/// The domain records of this install: one collection per record type (named after the type), the record's
/// <see cref="DomainRecord.Id"/> (natural key + occurrence) as <c>_id</c>, so storing a record again replaces
/// it and imports are idempotent. The only LiteDB code for records; the importer stores through it in batches
/// inside one <see cref="ImportTransaction"/> per file, detection reads back with <see cref="All{T}"/>.
/// </summary>
public sealed class RecordStore(CompanionDatabase db)
{
    private readonly CompanionDatabase _owner = db;
    private readonly LiteDatabase _db = db.Database;
    private readonly ConcurrentDictionary<Type, string> _names = new();
    private readonly bool _ordinalIds = db.Database.Collation.SortOptions == System.Globalization.CompareOptions.OrdinalIgnoreCase;
    private static readonly BsonExpression IdOnly = BsonExpression.Create("{ i: $._id }");

    public static string CollectionName(Type type) => type.Name;

    /// <summary>Starts the transaction of one import on the calling thread (LiteDB transactions belong to a thread).</summary>
    public ImportTransaction BeginImport() => new(_owner);

    /// <summary>Inserts or replaces records of any types, grouped into one collection per type. Every record needs its Id.</summary>
    public int Upsert(IEnumerable<DomainRecord> records)
    {
        var prepared = Prepare(records);
        Write(prepared);
        return prepared.Records.Count;
    }

    /// <summary>
    /// The records of a batch grouped by type in order of first appearance (what <see cref="Write"/> stores), with
    /// what storing them needs to know of their ids (<see cref="PreparedGroup"/>). Touches no transaction, so an
    /// import can prepare its next batch on another thread while the previous one is written. Every record needs
    /// its Id.
    /// <para>
    /// The documents themselves are made by <see cref="Write"/>, one at a time as LiteDB takes them: a document made
    /// ahead would live through several collections and be copied into an older generation, and a batch is tens of
    /// thousands of objects (docs/performance.md, "scan, fifth round").
    /// </para>
    /// </summary>
    internal PreparedRecords Prepare(IEnumerable<DomainRecord> records)
    {
        var list = records as IReadOnlyList<DomainRecord> ?? records.ToList();
        var groups = new List<(Type Type, List<DomainRecord> Records)>(1);
        List<DomainRecord>? current = null;
        Type? currentType = null;
        foreach (var record in list)
        {
            var type = record.GetType();
            if (type != currentType)
            {
                currentType = type;
                current = null;
                foreach (var group in groups)
                {
                    if (group.Type == type)
                    {
                        current = group.Records;
                        break;
                    }
                }
                if (current is null)
                {
                    current = new List<DomainRecord>(list.Count);
                    groups.Add((type, current));
                }
            }
            if (string.IsNullOrEmpty(record.Id))
            {
                throw new ArgumentException($"A {type.Name} has no Id; the importer assigns natural key + occurrence before storing.", nameof(records));
            }
            current!.Add(record);
        }
        return new PreparedRecords(list, groups.ConvertAll(g => PreparedGroup.Of(g.Type, g.Records, _ordinalIds)));
    }

    /// <summary>Stores prepared records (on the thread of the import's transaction, if any).</summary>
    internal void Write(PreparedRecords prepared)
    {
        foreach (var group in prepared.Groups)
        {
            Store(_db.GetCollection(NameOf(group.Type)), group, _db.Mapper);
        }
        _owner.NoteRecordWrite(); // inside an import's transaction the commit notes it again, after the data is visible
    }

    /// <summary>
    /// Inserts the documents whose ids are not stored yet in bulk, in id order, and replaces the others. Which ids
    /// exist comes from one scan of the id index over the batch's range (ids start with the date and arrive nearly
    /// sorted, so the range is narrow), not from one lookup per document as Upsert does. Falls back to Upsert, in
    /// the batch's order, where the range holds many more ids than the batch, a batch repeats an id, or the data file
    /// compares ids another way.
    /// <para>
    /// Inserting in id order makes every insert's walk of LiteDB's skip list end at the tail instead of at a node
    /// it must read, and keeps the walk on the same few index pages (docs/performance.md); what is stored is the
    /// same whatever the order.
    /// </para>
    /// </summary>
    private static void Store(ILiteCollection<BsonDocument> collection, PreparedGroup group, BsonMapper mapper)
    {
        if (group.Ordered is not { } ordered)
        {
            collection.Upsert(Documents(group.Records, mapper));
            return;
        }
        var limit = ordered.Length * 2 + 100;
        var stored = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in collection.Query().Where(Query.Between("_id", group.Min, group.Max)).Select(IdOnly).Limit(limit + 1).ToEnumerable())
        {
            stored.Add(key["i"].AsString);
        }
        if (stored.Count > limit)
        {
            collection.Upsert(Documents(group.Records, mapper));
            return;
        }
        if (stored.Count == 0)
        {
            collection.InsertBulk(Documents(ordered, mapper), ordered.Length);
            return;
        }
        var fresh = new List<DomainRecord>(ordered.Length);
        foreach (var record in ordered)
        {
            if (stored.Contains(record.Id))
            {
                collection.Update(RecordMapping.ToDocument(mapper, record));
            }
            else
            {
                fresh.Add(record);
            }
        }
        collection.InsertBulk(Documents(fresh, mapper), Math.Max(1, fresh.Count));
    }

    /// <summary>The records' documents, each made when LiteDB asks for it.</summary>
    private static IEnumerable<BsonDocument> Documents(IEnumerable<DomainRecord> records, BsonMapper mapper)
    {
        foreach (var record in records)
        {
            yield return RecordMapping.ToDocument(mapper, record);
        }
    }

    /// <summary>Every stored record of one type.</summary>
    public IReadOnlyList<T> All<T>() where T : DomainRecord =>
        _db.GetCollection<T>(NameOf(typeof(T))).FindAll().ToList();

    public int Count<T>() where T : DomainRecord => _db.GetCollection(NameOf(typeof(T))).Count();

    /// <summary>True when the data file has a collection for this record type (records of it were ever stored).</summary>
    internal bool HasCollection(Type recordType) => _db.CollectionExists(NameOf(recordType));

    /// <summary>True when ids compare ordinally ignoring case (the collation of data files created by this version).</summary>
    internal bool OrdinalIds => _ordinalIds;

    /// <summary>
    /// The documents of record collections in id order, as JSON (to compare stores in tests and diagnostics):
    /// of the given record types, or of every record type of the companion when none is given.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Snapshot(params Type[] recordTypes)
    {
        var types = recordTypes.Length > 0 ? recordTypes : typeof(DomainRecord).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DomainRecord)) && !t.IsAbstract).ToArray();
        var names = types.Select(NameOf).ToHashSet(StringComparer.Ordinal);
        return _db.GetCollectionNames()
            .Where(names.Contains)
            .Order(StringComparer.Ordinal)
            .ToDictionary(n => n, n => (IReadOnlyList<string>)_db.GetCollection(n).FindAll()
                .Select(d => JsonSerializer.Serialize(d)).Order(StringComparer.Ordinal).ToList());
    }

    private string NameOf(Type type) => _names.GetOrAdd(type, CollectionName);
}

/// <summary>Records grouped by type, ready for <see cref="RecordStore.Write"/>.</summary>
internal sealed class PreparedRecords(IReadOnlyList<DomainRecord> records, IReadOnlyList<PreparedGroup> groups)
{
    public IReadOnlyList<DomainRecord> Records { get; } = records;

    public IReadOnlyList<PreparedGroup> Groups { get; } = groups;
}

/// <summary>
/// The records of one type of a batch, in the batch's order, and (where they can be bulk-inserted: two or more, no
/// id twice, ids compared ordinally ignoring case as the data file does) the same records sorted by id with the
/// smallest and largest id. Worked out while preparing, off the thread that stores.
/// </summary>
internal sealed class PreparedGroup
{
    private PreparedGroup(Type type, List<DomainRecord> records, DomainRecord[]? ordered, string? min, string? max)
    {
        Type = type;
        Records = records;
        Ordered = ordered;
        Min = min;
        Max = max;
    }

    public Type Type { get; }

    public List<DomainRecord> Records { get; }

    /// <summary>The records in id order, or null when they must be upserted one by one in the batch's order.</summary>
    public DomainRecord[]? Ordered { get; }

    public string? Min { get; }

    public string? Max { get; }

    public static PreparedGroup Of(Type type, List<DomainRecord> records, bool ordinalIds)
    {
        if (!ordinalIds || records.Count < 2)
        {
            return new(type, records, null, null, null);
        }
        var ids = new string[records.Count];
        var ordered = records.ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = ordered[i].Id;
        }
        Array.Sort(ids, ordered, StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < ids.Length; i++)
        {
            if (StringComparer.OrdinalIgnoreCase.Equals(ids[i - 1], ids[i]))
            {
                return new(type, records, null, null, null); // a repeated id: the last one must win, as in the batch
            }
        }
        return new(type, records, ordered, ids[0], ids[^1]);
    }
}

/// <summary>One import's transaction: committed explicitly, rolled back when disposed without commit (rejection or exception).</summary>
public sealed class ImportTransaction : IDisposable
{
    private readonly CompanionDatabase _owner;
    private readonly LiteDatabase _db;
    private bool _open;

    internal ImportTransaction(CompanionDatabase owner)
    {
        _owner = owner;
        _db = owner.Database;
        _open = _db.BeginTrans();
        if (!_open)
        {
            throw new InvalidOperationException("An import transaction is already open on this thread.");
        }
    }

    public void Commit()
    {
        if (_open)
        {
            _db.Commit();
            _open = false;
            _owner.NoteRecordWrite();
        }
    }

    public void Rollback()
    {
        if (_open)
        {
            _db.Rollback();
            _open = false;
        }
    }

    public void Dispose() => Rollback();
}
