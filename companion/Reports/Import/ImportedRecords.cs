using Refully.Companion.Domain.Records;
using Refully.Companion.Storage;

namespace Refully.Companion.Reports.Import;

/// <summary>
/// The records a scan's committed files stored, kept in memory so detection right after the scan need not read
/// them back from the data file (docs/performance.md). Only for record types the data file had no collection of
/// when the scan began: there the stored records are exactly these (upsert by id: the last one stored wins, ids
/// compared ignoring case as the store does), listed in the store's id order, so detection sees the same lists
/// as through <see cref="RecordStore.All{T}"/>. For other types, or a data file with another collation,
/// <see cref="Get{T}"/> gives null and detection reads the store.
/// </summary>
public sealed class ImportedRecords
{
    private readonly HashSet<Type> _storedBefore;
    private readonly bool _usable;
    private readonly Dictionary<Type, Dictionary<string, DomainRecord>> _byType = [];

    public ImportedRecords(RecordStore store)
    {
        _usable = store.OrdinalIds;
        _storedBefore = typeof(DomainRecord).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DomainRecord)) && !t.IsAbstract && store.HasCollection(t))
            .ToHashSet();
    }

    /// <summary>Adds the records of one committed file (in the order they were stored).</summary>
    internal void AddCommitted(IReadOnlyList<DomainRecord> records)
    {
        if (!_usable)
        {
            return;
        }
        foreach (var record in records)
        {
            var type = record.GetType();
            if (_storedBefore.Contains(type))
            {
                continue;
            }
            if (!_byType.TryGetValue(type, out var byId))
            {
                _byType[type] = byId = new Dictionary<string, DomainRecord>(StringComparer.OrdinalIgnoreCase);
            }
            byId[record.Id] = record;
        }
    }

    /// <summary>Every stored record of type <typeparamref name="T"/> in id order, or null when the store must be read.</summary>
    public IReadOnlyList<T>? Get<T>() where T : DomainRecord
    {
        if (!_usable || _storedBefore.Contains(typeof(T)))
        {
            return null;
        }
        if (!_byType.TryGetValue(typeof(T), out var byId))
        {
            return [];
        }
        // Ids are unique ignoring case (the dictionary's keys), so any sort by them gives the one order.
        var ids = new string[byId.Count];
        var records = new T[byId.Count];
        var i = 0;
        foreach (var record in byId.Values)
        {
            ids[i] = record.Id;
            records[i++] = (T)record;
        }
        Array.Sort(ids, records, StringComparer.OrdinalIgnoreCase);
        return records;
    }
}
