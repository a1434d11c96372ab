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

    /// <summary>Types whose records all came from one file, taken whole from its records in id order (being sorted, maybe).</summary>
    private readonly Dictionary<Type, Task<IReadOnlyDictionary<Type, Array>>> _sorted = [];

    public ImportedRecords(RecordStore store)
    {
        _usable = store.OrdinalIds;
        _storedBefore = typeof(DomainRecord).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DomainRecord)) && !t.IsAbstract && store.HasCollection(t))
            .ToHashSet();
    }

    /// <summary>
    /// Adds the records of one committed file (in the order they were stored). <paramref name="sorted"/>, when given,
    /// is the same records per type as <see cref="InIdOrder"/> gives them (maybe still being worked out on another
    /// thread): a type no earlier file of the scan added is then taken from it whole, without a dictionary or a sort on
    /// this thread; a type that two files add goes through the dictionary, the earlier file first (the later wins).
    /// </summary>
    internal void AddCommitted(IReadOnlyList<DomainRecord> records, Task<IReadOnlyDictionary<Type, Array>>? sorted = null)
    {
        if (!_usable)
        {
            return;
        }
        var types = new List<Type>(1);
        Type? previous = null;
        foreach (var record in records)
        {
            var type = record.GetType();
            if (type != previous && !types.Contains(type) && !_storedBefore.Contains(type))
            {
                types.Add(type);
            }
            previous = type;
        }
        var whole = new HashSet<Type>();
        foreach (var type in types)
        {
            if (sorted is not null && !_byType.ContainsKey(type) && !_sorted.ContainsKey(type))
            {
                _sorted[type] = sorted;
                whole.Add(type);
            }
        }
        if (whole.Count == types.Count)
        {
            return;
        }
        foreach (var record in records)
        {
            var type = record.GetType();
            if (!whole.Contains(type) && !_storedBefore.Contains(type))
            {
                ById(type)[record.Id] = record;
            }
        }
    }

    private Dictionary<string, DomainRecord> ById(Type type)
    {
        if (!_byType.TryGetValue(type, out var byId))
        {
            _byType[type] = byId = new Dictionary<string, DomainRecord>(StringComparer.OrdinalIgnoreCase);
            if (_sorted.Remove(type, out var earlier))
            {
                foreach (DomainRecord record in earlier.Result[type])
                {
                    byId[record.Id] = record;
                }
            }
        }
        return byId;
    }

    /// <summary>
    /// Records of one file per type (arrays of that type), each in id order (ordinal, ignoring case) with one record
    /// per id, the last one of the file: what <see cref="Get{T}"/> gives for records stored by upsert in that order.
    /// </summary>
    internal static IReadOnlyDictionary<Type, Array> InIdOrder(IReadOnlyList<DomainRecord> records)
    {
        var byType = new Dictionary<Type, List<int>>();
        for (var i = 0; i < records.Count; i++)
        {
            var type = records[i].GetType();
            if (!byType.TryGetValue(type, out var positions))
            {
                byType[type] = positions = new List<int>(records.Count);
            }
            positions.Add(i);
        }
        var result = new Dictionary<Type, Array>(byType.Count);
        foreach (var (type, positions) in byType)
        {
            var ids = new string[positions.Count];
            var order = positions.ToArray();
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = records[order[i]].Id;
            }
            Array.Sort(ids, order, StringComparer.OrdinalIgnoreCase);
            // Of ids equal ignoring case (the sort leaves them side by side, in any order), the one stored last stays.
            var kept = new List<int>(order.Length);
            for (var i = 0; i < order.Length; i++)
            {
                if (kept.Count > 0 && StringComparer.OrdinalIgnoreCase.Equals(ids[i], records[kept[^1]].Id))
                {
                    kept[^1] = Math.Max(kept[^1], order[i]);
                }
                else
                {
                    kept.Add(order[i]);
                }
            }
            var array = Array.CreateInstance(type, kept.Count);
            for (var i = 0; i < kept.Count; i++)
            {
                array.SetValue(records[kept[i]], i);
            }
            result[type] = array;
        }
        return result;
    }

    /// <summary>Every stored record of type <typeparamref name="T"/> in id order, or null when the store must be read.</summary>
    public IReadOnlyList<T>? Get<T>() where T : DomainRecord
    {
        if (!_usable || _storedBefore.Contains(typeof(T)))
        {
            return null;
        }
        if (_sorted.TryGetValue(typeof(T), out var sorted))
        {
            return (T[])((T[])sorted.Result[typeof(T)]).Clone();
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
