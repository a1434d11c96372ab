using LiteDB;
using Microsoft.Extensions.Options;
using Refully.Companion.Hosting;

namespace Refully.Companion.Storage;

/// <summary>
/// The one LiteDB database of this install. Only classes in Storage/ use it; everything else goes
/// through a store. Opened once, disposed when the host stops (which flushes the file).
/// </summary>
public sealed class CompanionDatabase : IDisposable
{
    public CompanionDatabase(string path)
    {
        Path = path;
        var folder = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        var connection = new ConnectionString { Filename = path, Connection = ConnectionType.Direct };
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            // A new file gets the fast collation; an existing one keeps the collation it was created with
            // (LiteDB stores it in the file and refuses another).
            connection.Collation = Collation;
        }
        Database = Open(connection, path);
        LimitTransactionMemory(Database, MaxTransactionPages);
    }

    private CompanionDatabase(LiteDatabase database)
    {
        Path = ":memory:";
        Database = database;
    }

    /// <summary>An in-memory database, for tests.</summary>
    public static CompanionDatabase InMemory(int maxTransactionPages = MaxTransactionPages)
    {
        var database = new LiteDatabase(new LiteDB.Engine.LiteEngine(new LiteDB.Engine.EngineSettings { DataStream = new MemoryStream(), Collation = Collation }), CreateMapper());
        LimitTransactionMemory(database, maxTransactionPages);
        return new(database);
    }

    /// <summary>
    /// How many 8 KB pages all open transactions together keep in memory before LiteDB writes their dirty pages
    /// to the log file (a "safepoint"; still uncommitted there, so a rollback leaves nothing). LiteDB's own limit
    /// is 100,000 pages (800 MB), so one large import held every page it wrote until its commit and the process
    /// peak grew with the records of one file (docs/performance.md).
    /// </summary>
    public const int MaxTransactionPages = 4000;

    /// <summary>
    /// LiteDB 5.0 has no setting for this: the budget is the transaction monitor's count of free pages, which
    /// starts at 100,000 and is handed out to transactions 1,000 pages at a time. Lowering it is what the setting
    /// would do. If a LiteDB version lays this out differently the limit is simply not applied.
    /// </summary>
    private static void LimitTransactionMemory(LiteDatabase database, int pages)
    {
        const System.Reflection.BindingFlags Private = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance;
        var engine = typeof(LiteDatabase).GetField("_engine", Private)?.GetValue(database);
        var monitor = engine?.GetType().GetField("_monitor", Private)?.GetValue(engine);
        var free = monitor?.GetType().GetField("_freePages", Private);
        var initial = monitor?.GetType().GetField("_initialSize", Private)?.GetValue(monitor);
        if (free is not null && initial is int slice && free.GetValue(monitor) is int current && current == 100_000)
        {
            free.SetValue(monitor, Math.Max(pages, slice));
        }
    }

    /// <summary>
    /// How new data files compare strings (record ids, indexed fields): ordinal, ignoring case. Lookups stay
    /// case-insensitive as with LiteDB's default (the current culture, ignoring case), but comparing an id is a
    /// byte compare instead of a culture-aware one, which made storing records several times faster
    /// (docs/performance.md).
    /// </summary>
    public static readonly Collation Collation = new("en-US/OrdinalIgnoreCase");

    public string Path { get; }

    internal LiteDatabase Database { get; }

    private long _recordWrites;

    /// <summary>
    /// Counts committed writes of domain records (imports, pages). A cache of records (e.g. detection's in-memory
    /// input) is valid while this is the value it was built at; every store that writes records calls
    /// <see cref="NoteRecordWrite"/> after its commit.
    /// </summary>
    public long RecordWrites => Interlocked.Read(ref _recordWrites);

    internal void NoteRecordWrite() => Interlocked.Increment(ref _recordWrites);

    public void Dispose() => Database.Dispose();

    private static LiteDatabase Open(ConnectionString connection, string path)
    {
        try
        {
            return new LiteDatabase(connection, CreateMapper());
        }
        catch (IOException ex)
        {
            throw new StorageUnavailableException(
                $"The data file {path} is in use by another program (is the companion already running?): {ex.Message}", ex);
        }
    }

    /// <summary>
    /// A mapper of our own: no global state, and documents never carry a `_type` from input
    /// (stored types are concrete records; nothing is typed `object`).
    /// </summary>
    private static BsonMapper CreateMapper() => RecordMapping.Register(
        new() { EnumAsInteger = false, SerializeNullValues = false, TrimWhitespace = false, EmptyStringToNull = false });
}

public sealed class StorageUnavailableException(string message, Exception inner) : Exception(message, inner);

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddCompanionStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => new CompanionDatabase(sp.GetRequiredService<IOptions<CompanionOptions>>().Value.ResolveDbPath()));
        services.AddSingleton<TokenStore>();
        services.AddSingleton<PageStore>();
        services.AddSingleton<RecordStore>();
        return services;
    }
}
