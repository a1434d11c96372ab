using Refully.Companion.Domain;
using Refully.Companion.Pages;

namespace Refully.Tests.Pages;

public sealed class PageRecognizerTests
{
    [Theory]
    [InlineData("https://sellercentral.amazon.com/reportcentral/INVENTORY_LEDGER/0", PageKind.InventoryLedger)]
    [InlineData("https://sellercentral.amazon.de/reportcentral/REIMBURSEMENTS/0/%7B%22filters%22:[%22%22]%7D", PageKind.Reimbursements)]
    [InlineData("https://sellercentral.amazon.co.uk/reportcentral/CUSTOMER_RETURNS/0", PageKind.CustomerReturns)]
    [InlineData("https://sellercentral.amazon.com/gp/fba/inbound-shipment-workflow/index.html?shipmentId=FBA15ABCDEF", PageKind.InboundShipment)]
    [InlineData("https://sellercentral.amazon.com/orders-v3/order/111-2222222-3333333", PageKind.OrderDetail)]
    [InlineData("https://sellercentral.amazon.com/cu/case-dashboard/view-case?caseID=12345678901", PageKind.CaseView)]
    [InlineData("https://sellercentral.amazon.com/cu/case-lobby", PageKind.CaseLobby)]
    [InlineData("https://sellercentral.amazon.com/inventory?ref_=xx", PageKind.ManageInventory)]
    [InlineData("https://sellercentral.amazon.com/home", PageKind.Unrecognised)]
    [InlineData("https://sellercentral.amazon.com/inventoryplanning/dashboard", PageKind.Unrecognised)]
    public void PagesAreRecognisedByTheirAddress(string url, PageKind expected)
    {
        PageRecognizer.Recognise(new Uri(url)).Should().Be(expected);
    }

    [Theory]
    [InlineData("https://sellercentral.amazon.co.jp/home", "JP")]
    [InlineData("https://sellercentral.amazon.de/home", "DE")]
    [InlineData("https://sellercentral-europe.amazon.com/home?mons_sel_mkid=APJ6JRA9NG5V4", "IT")]
    [InlineData("https://sellercentral.amazon.com/home?mons_sel_mkid=A2EUQ1WTGCTBG2", "CA")]
    public void TheMarketplaceComesFromTheSwitchOrTheHost(string url, string expected)
    {
        Marketplaces.FromUrl(new Uri(url))!.Code.Should().Be(expected);
    }

    [Fact]
    public void TheUnifiedEuropeanHostWithoutASwitchHasNoMarketplace()
    {
        Marketplaces.FromUrl(new Uri("https://sellercentral-europe.amazon.com/home")).Should().BeNull();
        Marketplaces.IsSellerCentralHost("sellercentral-europe.amazon.com").Should().BeTrue();
        Marketplaces.IsSellerCentralHost("sellercentral.amazon.com.evil.example").Should().BeFalse();
    }
}
