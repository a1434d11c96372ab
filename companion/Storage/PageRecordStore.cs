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
    private readonly LiteDatabase _db = db.Database;

    public PageStoreResult Store(IReadOnlyList<DomainRecord> records, bool overwrite, IReadOnlyCollection<string>? keepStored = null)
    {
        if (records.Count == 0)
        {
            return new PageStoreResult(0, 0, 0);
        }
        int inserted = 0, updated = 0, unchanged = 0;
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
                    var document = _db.Mapper.ToDocument(group.Key, record);
                    var stored = collection.FindById(record.Id);
                    if (stored is null)
                    {
                        collection.Insert(document);
                        inserted++;
                        continue;
                    }
                    var merged = new BsonDocument(stored.ToDictionary(p => p.Key, p => p.Value));
                    foreach (var (key, value) in document)
                    {
                        if (!merged.ContainsKey(key) || (overwrite && key != nameof(DomainRecord.Marketplace) && keepStored?.Contains(key) != true))
                        {
                            merged[key] = value;
                        }
                    }
                    if (merged.Count == stored.Count && merged.All(p => stored.TryGetValue(p.Key, out var old) && old == p.Value))
                    {
                        unchanged++;
                        continue;
                    }
                    collection.Update(merged);
                    updated++;
                }
            }
            _db.Commit();
        }
        catch
        {
            _db.Rollback();
            throw;
        }
        return new PageStoreResult(inserted, updated, unchanged);
    }
}
