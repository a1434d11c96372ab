using System.Text.Json.Nodes;
using Refully.Companion.Domain;
using Refully.Companion.Pages;
using Refully.Companion.Pages.Parsers;

namespace Refully.Tests.Pages;

/// <summary>Every fixture page gives exactly its expected kind, records, anchor-only records, anchors and skipped rows.</summary>
public sealed class PageParserFixtureTests
{
    public static TheoryData<string> Ledger => PageFixtures.Of("InventoryLedger");
    public static TheoryData<string> Reimbursements => PageFixtures.Of("Reimbursements");
    public static TheoryData<string> Returns => PageFixtures.Of("CustomerReturns");
    public static TheoryData<string> Inbound => PageFixtures.Of("InboundShipment");
    public static TheoryData<string> Removals => PageFixtures.Of("RemovalOrders");
    public static TheoryData<string> Orders => PageFixtures.Of("OrderDetail");
    public static TheoryData<string> Idr => PageFixtures.Of("InventoryDefectPortal");
    public static TheoryData<string> Lobby => PageFixtures.Of("CaseLobby");
    public static TheoryData<string> Case => PageFixtures.Of("CaseView");
    public static TheoryData<string> Inventory => PageFixtures.Of("ManageInventory");
    public static TheoryData<string> Unrecognised => PageFixtures.Of("Unrecognised");

    [Theory, MemberData(nameof(Ledger))]
    public void InventoryLedgerPageReadsItsFixtures(string file) => Check<InventoryLedgerPage>(file);

    [Theory, MemberData(nameof(Reimbursements))]
    public void ReimbursementsPageReadsItsFixtures(string file) => Check<ReimbursementsPage>(file);

    [Theory, MemberData(nameof(Returns))]
    public void CustomerReturnsPageReadsItsFixtures(string file) => Check<CustomerReturnsPage>(file);

    [Theory, MemberData(nameof(Inbound))]
    public void InboundShipmentPageReadsItsFixtures(string file) => Check<InboundShipmentPage>(file);

    [Theory, MemberData(nameof(Removals))]
    public void RemovalOrdersPageReadsItsFixtures(string file) => Check<RemovalOrdersPage>(file);

    [Theory, MemberData(nameof(Orders))]
    public void OrderDetailPageReadsItsFixtures(string file) => Check<OrderDetailPage>(file);

    [Theory, MemberData(nameof(Idr))]
    public void InventoryDefectPortalPageReadsItsFixtures(string file) => Check<InventoryDefectPortalPage>(file);

    [Theory, MemberData(nameof(Lobby))]
    public void CaseLobbyPageReadsItsFixtures(string file) => Check<CaseLobbyPage>(file);

    [Theory, MemberData(nameof(Case))]
    public void CaseViewPageReadsItsFixtures(string file) => Check<CaseViewPage>(file);

    [Theory, MemberData(nameof(Inventory))]
    public void ManageInventoryPageReadsItsFixtures(string file) => Check<ManageInventoryPage>(file);

    [Theory, MemberData(nameof(Unrecognised))]
    public void PagesOfNoKnownTypeAreUnrecognised(string file) => Check<UnrecognisedPage>(file);

    [Fact]
    public void EveryFixtureIsClaimedByExactlyOneParserAndUnrecognisedOnesByNone()
    {
        foreach (var file in PageFixtures.All())
        {
            var relative = Path.GetRelativePath(PageFixtures.Root, file);
            var (page, url, expected) = PageFixtures.Load(relative);
            var typed = PageParsers.All.Where(p => p.Kind != PageKind.Unrecognised).ToList();
            var claiming = typed.Where(p => p.MatchesUrl(url) && p.MatchesDom(page.Document)).Select(p => p.Kind.ToString()).ToList();
            var byDomAlone = typed.Where(p => p.MatchesDom(page.Document)).Select(p => p.Kind.ToString()).ToList();
            var kind = expected["kind"]!.GetValue<string>();
            if (kind == nameof(PageKind.Unrecognised))
            {
                claiming.Should().BeEmpty($"{relative} is of no known type");
            }
            else
            {
                claiming.Should().Equal([kind], $"{relative} must be claimed by its own parser only");
                byDomAlone.Should().Equal([kind], $"{relative}'s DOM must not also look like another page type");
            }
        }
    }

    [Fact]
    public void EveryParserHasAFixtureInTheFolderNamedAfterIt()
    {
        var folders = Directory.EnumerateDirectories(PageFixtures.Root).Select(Path.GetFileName).ToHashSet();
        PageParsers.All.Select(p => p.Kind.ToString()).Should().OnlyContain(k => folders.Contains(k));
    }

    private static void Check<TParser>(string relative) where TParser : IPageParser
    {
        var (page, url, expected) = PageFixtures.Load(relative);
        var parser = PageParsers.For(url, page.Document);

        parser.Should().BeOfType<TParser>();
        var actual = PageFixtures.Actual(parser.Parse(page.Document, url, Marketplaces.FromUrl(url)?.Code), url);
        JsonNode.DeepEquals(actual, expected).Should().BeTrue(
            $"{relative} should give its expected records; it gave:\n{actual.ToJsonString(PageFixtures.Json)}");
    }
}
