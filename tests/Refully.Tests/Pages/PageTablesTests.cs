using Refully.Companion.Pages;
using Refully.Companion.Pages.Parsers;
using static Refully.Companion.Pages.Parsers.PageColumn;

namespace Refully.Tests.Pages;

public sealed class PageTablesTests
{
    private static readonly PageColumn[] Columns = [Req("date", PageLabels.Date), Req("qty", PageLabels.Quantity), Opt("amount", "Amount", "Betrag", "金額")];

    private static LabelledTable? Find(string html, string? marketplace = null) =>
        PageTables.Find(ComposedDocument.Parse(html).Document, Columns, PageTables.FormatFor(marketplace));

    [Fact]
    public void AKatTableIsFoundByHeaderTextsThatLiveInShadowRoots()
    {
        var table = Find("""
            <kat-table><kat-table-head><kat-table-row>
              <kat-table-cell><template shadowrootmode="open"><style>:host{}</style><span>Date</span></template></kat-table-cell>
              <kat-table-cell><template shadowrootmode="open"><span> Quantity </span></template></kat-table-cell>
            </kat-table-row></kat-table-head><kat-table-body>
              <kat-table-row><kat-table-cell>09/01/2026</kat-table-cell><kat-table-cell>1,234</kat-table-cell></kat-table-row>
            </kat-table-body></kat-table>
            """, "US");

        table.Should().NotBeNull();
        var row = table!.Rows.Single();
        row.Date("date").Should().Be(new DateOnly(2026, 9, 1));
        row.Int("qty").Should().Be(1234);
        table.Has("amount").Should().BeFalse();
        row.Text("amount").Should().BeNull("an absent optional column is no value, never an error");
    }

    [Fact]
    public void APlainTableWithoutThCellsTakesItsFirstRowAsHeaderInAnyLanguage()
    {
        var table = Find("<table><tr><td>Datum</td><td>Menge</td><td>Betrag</td></tr><tr><td>01.09.2026</td><td>-2</td><td>1.234,56 €</td></tr></table>", "DE");

        var row = table!.Rows.Single();
        row.Date("date").Should().Be(new DateOnly(2026, 9, 1));
        row.Int("qty").Should().Be(-2);
        row.Decimal("amount").Should().Be(1234.56m);
        row.Currency("amount", "DE").Should().Be("EUR");
    }

    [Fact]
    public void JapaneseLabelsAndDatesRead()
    {
        var row = Find("<table><tr><th>日付</th><th>数量</th><th>金額</th></tr><tr><td>2026/09/01</td><td>3</td><td>￥1,980</td></tr></table>", "JP")!.Rows.Single();

        row.Date("date").Should().Be(new DateOnly(2026, 9, 1));
        row.Decimal("amount").Should().Be(1980m);
        row.Currency("amount", "JP").Should().Be("JPY");
    }

    [Fact]
    public void ATableWithoutEveryRequiredColumnIsNotTheWantedOne()
    {
        Find("<table><tr><th>Date</th><th>Units</th></tr><tr><td>09/01/2026</td><td>1</td></tr></table>").Should().BeNull();
    }

    [Fact]
    public void UnparseableCellsAreNullNotExceptions()
    {
        var row = Find("<table><tr><th>Date</th><th>Quantity</th></tr><tr><td>soon</td><td>--</td></tr></table>")!.Rows.Single();

        row.Date("date").Should().BeNull();
        row.Int("qty").Should().BeNull();
        row.Text("qty").Should().BeNull("'--' is Amazon's placeholder for no value");
    }

    [Fact]
    public void ABareDollarIsTheMarketplacesOwnDollar()
    {
        PageValues.CurrencyOf("$12.00", "CA").Should().Be("CAD");
        PageValues.CurrencyOf("$12.00", "US").Should().Be("USD");
        PageValues.CurrencyOf("12,00 €", null).Should().Be("EUR");
    }

    [Fact]
    public void AFieldIsTheTextNextToItsLabelTheEarliestLabelFirst()
    {
        var document = ComposedDocument.Parse("<div><span>Status</span><span>Open</span></div><div><span>Shipment status</span><span>Closed</span></div>").Document;

        PageValues.Field(document, "Shipment status", "Status").Should().Be("Closed");
        PageValues.Field(document, "Missing").Should().BeNull();
    }
}
