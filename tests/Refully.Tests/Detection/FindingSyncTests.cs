using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Refully.Companion.Detection;
using Refully.Companion.Storage;

namespace Refully.Tests.Detection;

/// <summary>
/// <see cref="FindingStore.Sync"/> writes only the findings a run changes and keeps the run's time once: what a reader
/// gets (fields, history, first and last seen) must be what writing every finding on every run gave.
/// </summary>
public sealed class FindingSyncTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private readonly CompanionDatabase _db = CompanionDatabase.InMemory();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly FindingStore _store;

    public FindingSyncTests() => _store = new FindingStore(_db, _time);

    public void Dispose() => _db.Dispose();

    private static Finding Lost(string id, int units = 2, decimal? amount = 20.0m, FindingStatus status = FindingStatus.Claimable, string note = "lost") =>
        new(id, ClaimType.LostWarehouse, Confidence.High, status, "US", "USD", "X00" + id, "SKU-" + id, null, null, null, null, "REF" + id,
            units, amount, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), new DateOnly(2027, 10, 1),
            [new Evidence("ledger", new DateOnly(2026, 10, 1), "REF" + id, -units, note)], $"{units} units lost");

    /// <summary>The findings as the API gives them, times compared as instants (the store reads them back in local time).</summary>
    private static string Json(IEnumerable<FindingDocument> findings) =>
        JsonSerializer.Serialize(findings.OrderBy(f => f.Id, StringComparer.Ordinal).Select(f => f.ToDetailDto()), Instants);

    private static readonly JsonSerializerOptions Instants = new() { Converters = { new UtcDateTimeConverter() } };

    private sealed class UtcDateTimeConverter : System.Text.Json.Serialization.JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void UnchangedFindingsKeepTheirFieldsAndHistoryAndReadAsSeenByTheLastRun()
    {
        _store.Sync([Lost("a"), Lost("b"), Lost("c"), Lost("d")], "scan");
        var dismissed = _store.SetLifecycle("d", FindingStatus.Dismissed, "seller", "claimed elsewhere")!;
        var firstRun = _store.Get("a")!.LastSeenAt;

        _time.Advance(TimeSpan.FromHours(2));
        var second = _store.Sync([Lost("a"), Lost("b", units: 3), Lost("c", status: FindingStatus.Waiting), Lost("e")], "page");

        var stored = _store.Query(new FindingQuery());
        Json(second).Should().Be(Json(stored), "the run's answer is what a reader gets afterwards");
        var now = _time.GetUtcNow().UtcDateTime;
        stored.Where(f => f.Detected).Should().OnlyContain(f => f.LastSeenAt.ToUniversalTime() == now);
        stored.Where(f => f.Detected).Select(f => f.Id).Should().BeEquivalentTo(["a", "b", "c", "e"]);

        var a = _store.Get("a")!;
        a.FirstSeenAt.ToUniversalTime().Should().Be(Start.UtcDateTime);
        a.LastSeenAt.ToUniversalTime().Should().Be(now);
        a.History.Should().ContainSingle();
        _store.Get("b")!.Units.Should().Be(3);
        _store.Get("c")!.History.Select(h => h.Status).Should().Equal(FindingStatus.Claimable, FindingStatus.Waiting);
        _store.Get("e")!.FirstSeenAt.ToUniversalTime().Should().Be(now);

        var d = _store.Get("d")!;
        d.Detected.Should().BeFalse();
        d.LastSeenAt.Should().Be(firstRun, "a finding the last run did not see keeps the time it was last seen");
        d.History.Should().HaveCount(dismissed.History.Count);
    }

    [Fact]
    public void TheSameFindingInstancesSyncedAgainAreComparedAgainAfterAnyOtherWriteOfTheirDocument()
    {
        // An incremental run hands the previous run's instances on; a document written since must still be corrected.
        var (a, b, c) = (Lost("a"), Lost("b"), Lost("c"));
        _store.Sync([a, b, c], "scan");
        _store.Sync([a, b, c], "page"); // all three match, as the same instances
        _store.Sync([a, Lost("b", units: 3), c], "page"); // b written from another instance
        _store.SetLifecycle("c", FindingStatus.Dismissed, "seller", "test", doc => doc.Units = 9); // c written by someone else
        _time.Advance(TimeSpan.FromHours(1));

        var answer = _store.Sync([a, b, c], "page");

        _store.Get("a")!.Units.Should().Be(2);
        _store.Get("b")!.Units.Should().Be(2, "the instance that matched before was replaced by a run in between");
        _store.Get("c")!.Units.Should().Be(2, "a write outside the runs changed the document the instance matched");
        _store.Get("c")!.Status.Should().Be(FindingStatus.Dismissed);
        Json(answer).Should().Be(Json(_store.Query(new FindingQuery())));
        _store.Store([a, Lost("b", units: 4), c], "page");
        _store.Get("b")!.Units.Should().Be(4, "a write without an answer stores the same");
        Json(_store.Query(new FindingQuery())).Should().Be(Json(new FindingStore(_db, _time).Query(new FindingQuery())));
    }

    [Fact]
    public void AChangeInAnyComputedFieldIsWrittenEvenOnlyTheScaleOfTheAmountOrAnEvidenceNote()
    {
        _store.Sync([Lost("a"), Lost("b"), Lost("c")], "scan");

        _store.Sync([Lost("a", amount: 20.00m), Lost("b", note: "lost, found 1"), Lost("c", amount: null)], "scan");

        _store.Get("a")!.Amount.ToString().Should().Be("20.00");
        _store.Get("b")!.Evidence.Single().Note.Should().Be("lost, found 1");
        _store.Get("c")!.Amount.Should().BeNull();
    }

    [Fact]
    public void AFindingThatWasNoLongerDetectedAndComesBackIsDetectedAgain()
    {
        _store.Sync([Lost("a")], "scan");
        _store.SetLifecycle("a", FindingStatus.Filed, "seller", "case");
        _store.Sync([], "scan");
        _store.Get("a")!.Detected.Should().BeFalse();

        _time.Advance(TimeSpan.FromMinutes(5));
        _store.Sync([Lost("a")], "scan");

        var a = _store.Get("a")!;
        a.Detected.Should().BeTrue();
        a.LastSeenAt.ToUniversalTime().Should().Be(_time.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public void WhatTheStoreKeepsInMemoryReadsAsTheDataFileAndCopiesHandedOutDoNotChangeIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"refully-findings-{Guid.NewGuid():N}.db");
        try
        {
            string fromMemory;
            using (var db = new CompanionDatabase(path))
            {
                var store = new FindingStore(db, _time);
                store.Sync([Lost("a"), Lost("b"), Lost("c")], "scan");
                store.Query(new FindingQuery()).Should().HaveCount(3);
                _time.Advance(TimeSpan.FromMilliseconds(1234.5678));
                store.Sync([Lost("a", units: 5), Lost("b"), Lost("d"), Lost("e")], "page");
                new FindingStore(db, _time).SetLifecycle("b", FindingStatus.Filed, "seller", "case", f => f.CaseId = "12345678901");
                store.Confirm("d", "seller");

                var handedOut = store.Get("a")!;
                handedOut.Units = 99;
                handedOut.Evidence.Clear();
                store.Query(new FindingQuery()).Single(f => f.Id == "b").CaseId.Should().Be("12345678901", "another store of the same file wrote it");
                fromMemory = Json(store.Query(new FindingQuery()));
                store.Get("a")!.Units.Should().Be(5, "a copy handed out is not what the store keeps");
                Json(store.Query(new FindingQuery { Fnsku = "X00a" })).Should().Be(Json(store.Query(new FindingQuery()).Where(f => f.Fnsku == "X00a")));
            }
            using (var reopened = new CompanionDatabase(path))
            {
                Json(new FindingStore(reopened, _time).Query(new FindingQuery())).Should().Be(fromMemory, "the memory copy equals what the data file holds");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
