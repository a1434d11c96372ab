using LiteDB;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Storage;

/// <summary>What storing one page's records changed.</summary>
public sealed record PageStoreResult(int Inserted, int Updated, int Unchanged)
{
    public bool Changed => Inserted + Updated > 0;
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

    public PageStoreResult Store(IReadOnlyList<DomainRecord> records, bool overwrite, IReadOnlyCollection<string>? keepStored = null)
    {
        if (records.Count == 0)
        {
            return new PageStoreResult(0, 0, 0);
        }
        int inserted = 0, updated = 0, unchanged = 0;
        bool Replaces(string key) => overwrite && key != nameof(DomainRecord.Marketplace) && keepStored?.Contains(key) != true;
        _db.BeginTrans();
        try
        {
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
                var known = StoredById(collection, group.Select(r => r.Id!).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
                var inserts = new Dictionary<string, BsonDocument>(StringComparer.OrdinalIgnoreCase);
                foreach (var record in group)
                {
                    var document = _db.Mapper.ToDocument(group.Key, record);
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
                    }
                    updated++;
                }
                if (inserts.Count > 0)
                {
                    collection.InsertBulk(inserts.Values);
                }
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
        return new PageStoreResult(inserted, updated, unchanged);
    }

    /// <summary>The stored documents among <paramref name="ids"/>, by id, read through the primary key in chunks.</summary>
    private static Dictionary<string, BsonDocument> StoredById(ILiteCollection<BsonDocument> collection, List<string> ids)
    {
        const int Chunk = 100; // LiteDB filters each found document against the whole list again: small chunks keep that linear
        var found = new Dictionary<string, BsonDocument>(ids.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < ids.Count; i += Chunk)
        {
            var chunk = ids.Skip(i).Take(Chunk).Select(id => new BsonValue(id));
            foreach (var document in collection.Find(Query.In("_id", chunk)))
            {
                found[document["_id"].AsString] = document;
            }
        }
        return found;
    }
}
