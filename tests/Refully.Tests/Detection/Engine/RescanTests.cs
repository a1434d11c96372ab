using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Refully.Companion.Detection;
using Refully.Companion.Reports.Import;
using Refully.Companion.Storage;
using Refully.Synthetic;

namespace Refully.Tests.Detection.Engine;

/// <summary>Scanning the same account again keeps ids, statuses and counts: no duplicates, no lost lifecycle.</summary>
public sealed class RescanTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 11, 26);
    private readonly string _dir = Directory.CreateTempSubdirectory("refully-rescan-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Exit, JsonElement Json) Scan(string reports, string db, string asOf)
    {
        var json = Path.Combine(_dir, $"scan-{Guid.NewGuid():N}.json");
        var exit = ScanCommand.Run([reports, "--as-of", asOf, "--db", db, "--json", json], TextWriter.Null, TextWriter.Null,
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)));
        return (exit, JsonDocument.Parse(File.ReadAllText(json)).RootElement.Clone());
    }

    private static List<(string Id, string Status, int Units, decimal? Amount)> Findings(JsonElement scan) =>
        scan.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("id").GetString()!, f.GetProperty("status").GetString()!, f.GetProperty("units").GetInt32(),
                f.GetProperty("amount").ValueKind == JsonValueKind.Null ? (decimal?)null : f.GetProperty("amount").GetDecimal()))
            .OrderBy(f => f.Item1, StringComparer.Ordinal).ToList();

    [Fact]
    public void ScanningTheSameFilesTwiceGivesTheSameFindings()
    {
        var account = AccountGenerator.Generate(11, Path.Combine(_dir, "account"), AsOf);
        var db = Path.Combine(_dir, "store.db");

        var first = Scan(account.ReportsFolder, db, "2026-11-26");
        var second = Scan(account.ReportsFolder, db, "2026-11-26");

        first.Exit.Should().Be(0);
        Findings(first.Json).Should().NotBeEmpty();
        Findings(second.Json).Should().Equal(Findings(first.Json));
    }

    [Fact]
    public void ARescanKeepsWhatTheSellerDidAndMovesDatesOn()
    {
        var account = AccountGenerator.Generate(12, Path.Combine(_dir, "account"), AsOf);
        var db = Path.Combine(_dir, "store.db");
        var first = Findings(Scan(account.ReportsFolder, db, "2026-11-26").Json);
        var filed = first.First(f => f.Status == "Claimable").Id;
        var waiting = first.First(f => f.Status == "Waiting").Id;
        using (var store = new CompanionDatabase(db))
        {
            new FindingStore(store, TimeProvider.System).SetLifecycle(filed, FindingStatus.Filed, "seller", "case 12345678901", f => f.CaseId = "12345678901");
        }

        var later = Findings(Scan(account.ReportsFolder, db, "2027-06-30").Json);

        later.Select(f => f.Id).Should().BeEquivalentTo(first.Select(f => f.Id), "a later scan neither duplicates nor drops findings");
        later.Single(f => f.Id == filed).Status.Should().Be("Filed");
        later.Single(f => f.Id == waiting).Status.Should().Be("Expired", "by mid-2027 every window of a 2026 account has closed");
    }
}
