using Refully.Companion.Detection;
using Refully.Companion.Detection.Policies;

namespace Refully.Tests.Detection.Engine;

public sealed class PolicyTableTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"refully-policies-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void EveryClaimTypeHasADefaultInEveryMarketplace()
    {
        var table = PolicyTable.Defaults();

        foreach (var marketplace in Refully.Companion.Domain.Marketplaces.All.Select(m => m.Code))
        {
            foreach (var type in Enum.GetValues<ClaimType>())
            {
                var entry = table.Find(marketplace, type, new DateOnly(2026, 11, 26));
                entry.Source.Should().NotBeNullOrWhiteSpace();
                entry.WindowDays.Should().BeGreaterThanOrEqualTo(entry.WaitDays);
            }
        }
    }

    [Fact]
    public void MarketplacesWithoutAKnownRuleUseUsDefaultsMarkedUncertain()
    {
        var entry = PolicyTable.Defaults().Find("BR", ClaimType.LostWarehouse, new DateOnly(2026, 11, 26));

        entry.WaitDays.Should().Be(30);
        entry.WindowDays.Should().Be(60);
        entry.Uncertain.Should().BeTrue();
    }

    [Fact]
    public void TheUsersFileOverridesTheDefaultFromItsEffectiveDate()
    {
        File.WriteAllText(_file, """
            { "policies": [
              { "marketplaces": ["US"], "claimType": "LostWarehouse", "waitDays": 10, "windowDays": 45,
                "effectiveFrom": "2026-06-01", "source": "my reading of the June 2026 update" } ] }
            """);

        var table = PolicyTable.Load(_file);

        table.Find("US", ClaimType.LostWarehouse, new DateOnly(2026, 7, 1)).WindowDays.Should().Be(45);
        table.Find("US", ClaimType.LostWarehouse, new DateOnly(2026, 5, 31)).WindowDays.Should().Be(60);
        table.Find("CA", ClaimType.LostWarehouse, new DateOnly(2026, 7, 1)).WindowDays.Should().Be(60);
    }

    [Fact]
    public void ABrokenPolicyFileNamesTheFileLineAndColumn()
    {
        File.WriteAllText(_file, "{ \"policies\": [\n  { \"marketplaces\": [\"US\"], \"claimType\": \"NoSuchType\" }\n] }");

        var act = () => PolicyTable.Load(_file);

        act.Should().Throw<PolicyFileException>().WithMessage($"{_file}:2:*");
    }

    [Fact]
    public void AnEntryWithAWindowShorterThanItsWaitIsRefused()
    {
        File.WriteAllText(_file, """
            { "policies": [ { "marketplaces": ["US"], "claimType": "LostWarehouse", "waitDays": 30, "windowDays": 10,
                "effectiveFrom": "2026-06-01", "source": "x" } ] }
            """);

        var act = () => PolicyTable.Load(_file);

        act.Should().Throw<PolicyFileException>().WithMessage("*windowDays shorter*");
    }

    [Fact]
    public void AMissingUserFileMeansTheDefaults()
    {
        PolicyTable.Load(_file).Entries.Should().HaveCount(PolicyTable.Defaults().Entries.Count());
    }
}
