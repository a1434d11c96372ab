using Refully.Companion.Domain.Records;
using Refully.Companion.Storage;

namespace Refully.Tests.Pages;

public sealed class PageRecordStoreTests : IDisposable
{
    private readonly CompanionDatabase _db = CompanionDatabase.InMemory();

    public void Dispose() => _db.Dispose();

    private static Reimbursement Downloaded() => new()
    {
        Id = "R1#1", ReimbursementId = "R1", Fnsku = "X1", Sku = "S", Reason = "Lost_Warehouse", Currency = "USD",
        ApprovalDate = new DateTimeOffset(2026, 10, 2, 14, 30, 0, TimeSpan.FromHours(-7)), AmountTotal = 27.8m, Marketplace = "US",
    };

    [Fact]
    public void RecordWritesCountsCommittedChangesOnlyNotUnchangedPagesOrRolledBackImports()
    {
        var start = _db.RecordWrites;
        new RecordStore(_db).Upsert([Downloaded()]);
        _db.RecordWrites.Should().BeGreaterThan(start);

        var afterUpsert = _db.RecordWrites;
        new PageRecordStore(_db).Store([Downloaded()], overwrite: false).Changed.Should().BeFalse();
        _db.RecordWrites.Should().Be(afterUpsert, "a page that changed nothing must not invalidate caches of records");

        var changed = Downloaded();
        changed.Id = "R2#1";
        changed.ReimbursementId = "R2";
        new PageRecordStore(_db).Store([changed], overwrite: false).Inserted.Should().Be(1);
        _db.RecordWrites.Should().BeGreaterThan(afterUpsert);

        var afterPage = _db.RecordWrites;
        using (new RecordStore(_db).BeginImport())
        {
            // disposed without commit: rolled back
        }
        _db.RecordWrites.Should().Be(afterPage);
        using (var import = new RecordStore(_db).BeginImport())
        {
            import.Commit();
        }
        _db.RecordWrites.Should().BeGreaterThan(afterPage);
    }

    [Fact]
    public void APastFactKeepsItsStoredFieldsAndTheDayOnlyPageCopyChangesNothing()
    {
        new RecordStore(_db).Upsert([Downloaded()]);
        var before = new RecordStore(_db).Snapshot();
        var page = Downloaded();
        page.ApprovalDate = new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.Zero);
        page.Marketplace = "CA";

        var result = new PageRecordStore(_db).Store([page], overwrite: false);

        result.Should().Be(new PageStoreResult(0, 0, 1));
        new RecordStore(_db).Snapshot().Should().BeEquivalentTo(before);
    }

    [Fact]
    public void APastFactGainsOnlyTheFieldsItLacked()
    {
        var stored = Downloaded();
        stored.CaseId = null;
        new RecordStore(_db).Upsert([stored]);
        var page = Downloaded();
        page.CaseId = "12345678901";
        page.AmountTotal = 99m;

        new PageRecordStore(_db).Store([page], overwrite: false).Updated.Should().Be(1);

        var now = new RecordStore(_db).All<Reimbursement>().Single();
        now.CaseId.Should().Be("12345678901");
        now.AmountTotal.Should().Be(27.8m);
    }

    [Fact]
    public void LiveStateTakesThePagesFieldsButKeepsTheMarketplaceAndLessPreciseFields()
    {
        var line = new RemovalOrderLine { Id = "O#1", OrderId = "O", Fnsku = "X", OrderStatus = "Pending", Marketplace = "JP", RequestDate = new DateTimeOffset(2026, 8, 20, 9, 0, 0, TimeSpan.FromHours(9)) };
        new RecordStore(_db).Upsert([line]);
        var page = new RemovalOrderLine { Id = "O#1", OrderId = "O", Fnsku = "X", OrderStatus = "Completed", Marketplace = "US", RequestDate = new DateTimeOffset(2026, 8, 20, 0, 0, 0, TimeSpan.Zero) };

        new PageRecordStore(_db).Store([page], overwrite: true, [nameof(RemovalOrderLine.RequestDate)]).Updated.Should().Be(1);

        var now = new RecordStore(_db).All<RemovalOrderLine>().Single();
        now.OrderStatus.Should().Be("Completed");
        now.Marketplace.Should().Be("JP");
        now.RequestDate.Should().Be(line.RequestDate);
    }

    [Fact]
    public void NewRecordsAreInsertedAndARecordWithoutIdIsRefused()
    {
        new PageRecordStore(_db).Store([new CaseRecord { Id = "1#1", CaseId = "1" }], overwrite: true).Inserted.Should().Be(1);

        var act = () => new PageRecordStore(_db).Store([new CaseRecord { CaseId = "2" }], overwrite: true);

        act.Should().Throw<ArgumentException>();
        new RecordStore(_db).Count<CaseRecord>().Should().Be(1, "the failed store was rolled back");
    }
}
