using System.Globalization;
using Refully.Companion.Reports.Core;
using Refully.Companion.Reports.Import;
using Refully.Companion.Storage;
using Refully.Tests.Reports.Core;

namespace Refully.Tests.Reports.Import;

/// <summary>
/// <see cref="ImportSink.Run"/> reads on a second thread while the calling thread (the transaction's) stores:
/// records arrive in order, failures on either side end the run with that failure, and nothing is still
/// reading when it returns.
/// </summary>
public sealed class ImportSinkTests : IDisposable
{
    private readonly CompanionDatabase _db = CompanionDatabase.InMemory();

    public void Dispose() => _db.Dispose();

    private static TestEvent Event(int i, string? title = null) => new()
    {
        Date = new DateOnly(2026, 1, 1).AddDays(i % 300),
        Fnsku = $"X{i:D6}",
        Event = "Receipts",
        Quantity = 1 + i % 7,
        Title = title,
    };

    [Fact]
    public void RecordsReadOnTheOtherThreadAreStoredAndKeptInOrderInTheTransaction()
    {
        var store = new RecordStore(_db);
        var sink = new ImportSink(store, new ProblemLog(), batchSize: 7, keep: true);
        var readingThread = 0;
        using (var transaction = store.BeginImport())
        {
            var rows = sink.Run(() =>
            {
                readingThread = Environment.CurrentManagedThreadId;
                for (var i = 0; i < 1000; i++)
                {
                    sink.Add(Event(i));
                }
                return 1000;
            });
            transaction.Commit();
            rows.Should().Be(1000);
        }

        readingThread.Should().NotBe(Environment.CurrentManagedThreadId);
        sink.Records.Should().Be(1000);
        sink.Kept.Select(r => ((TestEvent)r).Fnsku).Should().Equal(Enumerable.Range(0, 1000).Select(i => $"X{i:D6}"));
        store.Count<TestEvent>().Should().Be(1000);
    }

    [Fact]
    public void AFailureToStoreStopsTheReadingAndIsWhatRunThrows()
    {
        var store = new RecordStore(_db);
        var sink = new ImportSink(store, new ProblemLog(), batchSize: 2);
        var added = 0;
        var readerDone = false;
        using var transaction = store.BeginImport();
        var run = () => sink.Run(() =>
        {
            try
            {
                for (var i = 0; i < 100_000; i++)
                {
                    // LiteDB refuses a document over 16 MB when it stores it, on the transaction's thread.
                    sink.Add(Event(i, i == 0 ? new string('x', 17_000_000) : null));
                    added++;
                }
                return 100_000;
            }
            finally
            {
                readerDone = true;
            }
        });

        run.Should().Throw<Exception>().Where(e => !(e is OperationCanceledException), "the store's failure, not the reader's cancellation");
        readerDone.Should().BeTrue("Run returns only when nothing reads any more");
        added.Should().BeLessThan(100_000, "the reading stopped at the failure");
    }

    [Fact]
    public void AFailureWhileReadingIsRethrownOnTheCallingThread()
    {
        var store = new RecordStore(_db);
        var sink = new ImportSink(store, new ProblemLog(), batchSize: 3);
        using var transaction = store.BeginImport();
        var run = () => sink.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                sink.Add(Event(i));
            }
            throw new InvalidDataException("truncated file");
        });

        run.Should().Throw<InvalidDataException>().WithMessage("truncated file");
    }

    [Fact]
    public void TheReadingThreadUsesTheCallersCulture()
    {
        var store = new RecordStore(_db);
        var sink = new ImportSink(store, new ProblemLog(), batchSize: 3);
        var before = CultureInfo.CurrentCulture;
        string? seen = null;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            sink.Run(() =>
            {
                seen = CultureInfo.CurrentCulture.Name;
                return 0;
            });
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
        seen.Should().Be("de-DE");
    }
}
