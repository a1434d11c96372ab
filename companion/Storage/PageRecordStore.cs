using LiteDB;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Storage;

/// <summary>What storing one page's records changed.</summary>
public sealed record PageStoreResult(int Inserted, int Updated, int Unchanged)
{
    public bool Changed => Inserted + Updated > 0;
}

/// <summary>
/// The records one <see cref="PageRecordStore.Store(IReadOnlyList{DomainRecord}, bool, IReadOnlyCollection{string}?, out StoredRecords)"/>
/// wrote, exactly as stored (the merged documents read back through the mapper, not the page's records), with
/// <see cref="CompanionDatabase.RecordWrites"/> just before the transaction and just after the write was noted.
/// <see cref="After"/> = <see cref="Before"/> + 1 means no other record write was noted in between, so a cache of
/// records valid at <see cref="Before"/> plus these records is the store at <see cref="After"/>.
/// </summary>
public sealed record StoredRecords(long Before, long After, IReadOnlyList<DomainRecord> Records)
{
    /// <summary>True when this write is the only record write noted between <see cref="Before"/> and <see cref="After"/>.</summary>
    public bool Alone => Records.Count == 0 ? After == Before : After == Before + 1;
}

/// <summary>
/// Stores the records a page parser read, in one transaction, into the same collections and under the same ids
/// (natural key + occurrence) as <see cref="RecordStore"/>. Unlike a download, a page shows only some of a record's
/// fields, so a stored record is merged, never replaced: for past facts (<paramref name="overwrite"/> false) the
/// stored fields win and the page only fills fields the record lacks; for live state (cases, shipments, removals)
/// the page's fields replace the stored ones and the others stay, except the marketplace and the fields the page
/// shows less precisely than a download (<paramref name="keepStored"/>, e.g. a day where the download has a time). Only records that actually change are written,
/// and the result says whether anything did (detection runs only then).
/// </summary>
public sealed class PageRecordStore(CompanionDatabase db)
{
    private readonly CompanionDatabase _owner = db;
    private readonly LiteDatabase _db = db.Database;

    public PageStoreResult Store(IReadOnlyList<DomainRecord> records, bool overwrite, IReadOnlyCollection<string>? keepStored = null) =>
        Store(records, overwrite, keepStored, out _);

    /// <summary>As <see cref="Store(IReadOnlyList{DomainRecord}, bool, IReadOnlyCollection{string}?)"/>, also giving the records written as stored.</summary>
    public PageStoreResult Store(IReadOnlyList<DomainRecord> records, bool overwrite, IReadOnlyCollection<string>? keepStored, out StoredRecords written) =>
        Store(records, overwrite, keepStored, null, out written);

    /// <summary>
    /// As <see cref="Store(IReadOnlyList{DomainRecord}, bool, IReadOnlyCollection{string}?, out StoredRecords)"/>; ids that
    /// <paramref name="storedIds"/> (valid at the current <see cref="CompanionDatabase.RecordWrites"/>) proves new are not
    /// looked up. Should one be stored after all (a write not yet noted), its insert fails on the unique id, the
    /// transaction is rolled back and the page stored again with every id looked up: the result is always the general path's.
    /// </summary>
    public PageStoreResult Store(IReadOnlyList<DomainRecord> records, bool overwrite, IReadOnlyCollection<string>? keepStored, IStoredIds? storedIds,
        out StoredRecords written)
    {
        if (storedIds is not null)
        {
            try
            {
                return StoreOnce(records, overwrite, keepStored, storedIds, out written);
            }
            catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                Interlocked.Increment(ref _guessedWrong);
            }
        }
        return StoreOnce(records, overwrite, keepStored, null, out written);
    }

    /// <summary>How often an id <see cref="IStoredIds"/> called new was stored after all (the page was then stored again, looking every id up).</summary>
    internal int GuessedWrong => Volatile.Read(ref _guessedWrong);

    private int _guessedWrong;

    private PageStoreResult StoreOnce(IReadOnlyList<DomainRecord> records, bool overwrite, IReadOnlyCollection<string>? keepStored, IStoredIds? storedIds,
        out StoredRecords written)
    {
        var before = _owner.RecordWrites;
        if (records.Count == 0)
        {
            written = new StoredRecords(before, before, []);
            return new PageStoreResult(0, 0, 0);
        }
        int inserted = 0, updated = 0, unchanged = 0;
        var writes = new List<(Type Type, BsonDocument Document, bool Inserted)>();
        bool Replaces(string key) => overwrite && key != nameof(DomainRecord.Marketplace) && keepStored?.Contains(key) != true;
        _db.BeginTrans();
        try
        {
            // The in-memory copy answers only while no record write was noted since it was made (checked inside the transaction).
            var ids = storedIds is not null && storedIds.Generation == _owner.RecordWrites ? storedIds : null;
            foreach (var group in records.GroupBy(r => r.GetType()))
            {
                var collection = _db.GetCollection(RecordStore.CollectionName(group.Key));
                foreach (var record in group)
                {
                    if (string.IsNullOrEmpty(record.Id))
                    {
                        throw new ArgumentException($"A {group.Key.Name} has no Id; ids are assigned before storing.", nameof(records));
                    }
                }
                // One lookup of every id of the page instead of one per record (ids compare as the database collation does).
                var known = StoredById(collection, group.Select(r => r.Id!).Where(id => ids?.Contains(group.Key, id) != false)
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToList());
                var inserts = new Dictionary<string, BsonDocument>(StringComparer.OrdinalIgnoreCase);
                var updates = new Dictionary<string, BsonDocument>(StringComparer.OrdinalIgnoreCase);
                foreach (var record in group)
                {
                    var document = RecordMapping.ToDocument(_db.Mapper, record);
                    if (!known.TryGetValue(record.Id!, out var stored))
                    {
                        inserts[record.Id!] = document;
                        known[record.Id!] = document;
                        inserted++;
                        continue;
                    }
                    // Unchanged when every field the merge would write is stored with that value (the common re-capture), without a copy.
                    if (document.All(p => stored.TryGetValue(p.Key, out var old) && (!Replaces(p.Key) || old == p.Value)))
                    {
                        unchanged++;
                        continue;
                    }
                    var merged = new BsonDocument(stored.ToDictionary(p => p.Key, p => p.Value));
                    foreach (var (key, value) in document)
                    {
                        if (!merged.ContainsKey(key) || Replaces(key))
                        {
                            merged[key] = value;
                        }
                    }
                    if (merged.Count == stored.Count && merged.All(p => stored.TryGetValue(p.Key, out var old) && old == p.Value))
                    {
                        unchanged++;
                        continue;
                    }
                    known[record.Id!] = merged;
                    if (inserts.ContainsKey(record.Id!))
                    {
                        inserts[record.Id!] = merged;
                    }
                    else
                    {
                        collection.Update(merged);
                        updates[record.Id!] = merged;
                    }
                    updated++;
                }
                if (inserts.Count > 0)
                {
                    collection.InsertBulk(inserts.Values);
                }
                writes.AddRange(inserts.Values.Select(d => (group.Key, d, Inserted: true)).Concat(updates.Values.Select(d => (group.Key, d, Inserted: false))));
            }
            _db.Commit();
        }
        catch
        {
            _db.Rollback();
            throw;
        }
        if (inserted + updated > 0)
        {
            _owner.NoteRecordWrite();
        }
        var after = _owner.RecordWrites;
        written = new StoredRecords(before, after, writes.Select(w => AsStored(w.Type, w.Document, w.Inserted)).ToList());
        return new PageStoreResult(inserted, updated, unchanged);
    }

    /// <summary>
    /// The record a later read of <paramref name="document"/> gives: through the binary form the data file holds
    /// (so every value has the type and precision a read back has), then the mapper, as <see cref="RecordStore.All{T}"/> reads.
    /// </summary>
    /// <remarks>
    /// A document <see cref="RecordMapping"/> wrote by hand and inserted as it is holds only strings, 32-bit integers,
    /// decimals and booleans, which the binary form gives back unchanged, so it is read without the round trip
    /// (PageRecordStoreTests compares both over randomised records).
    /// </remarks>
    private DomainRecord AsStored(Type type, BsonDocument document, bool inserted) =>
        inserted && StoredForm.WrittenByHand(type)
            ? StoredForm.Read(_db.Mapper, type, document)
            : (DomainRecord)_db.Mapper.ToObject(type, BsonSerializer.Deserialize(BsonSerializer.Serialize(document)));

    /// <summary>
    /// The stored documents among <paramref name="ids"/>, by id, one primary-key lookup each. A <c>Query.In</c> of the
    /// ids (even 100 at a time) is fast when they are stored but slow when they are not: 500 new ids in a collection of
    /// 10,000 took 80–400 ms against 10–30 ms this way (docs/pages.md "Performance").
    /// </summary>
    private static Dictionary<string, BsonDocument> StoredById(ILiteCollection<BsonDocument> collection, List<string> ids)
    {
        var found = new Dictionary<string, BsonDocument>(ids.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var id in ids)
        {
            if (collection.FindById(id) is { } document)
            {
                found[document["_id"].AsString] = document;
            }
        }
        return found;
    }
}
