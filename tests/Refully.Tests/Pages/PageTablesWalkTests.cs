using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Refully.Companion.Pages;
using Refully.Companion.Pages.Parsers;

namespace Refully.Tests.Pages;

/// <summary>
/// <see cref="PageTables.Own"/> finds a table's rows and a row's cells in one walk; it must give exactly what the
/// selector it replaced gives (<c>QuerySelectorAll(name).Where(e =&gt; e.Closest(stop) == root)</c>) on every fixture
/// and on nested tables.
/// </summary>
public sealed class PageTablesWalkTests
{
    private static List<IElement> BySelector(IElement root, string name, string stop) =>
        root.QuerySelectorAll(name).Where(e => e.Closest(stop) == root).ToList();

    private static void ShouldMatchTheSelectors(IDocument document)
    {
        foreach (var (name, stop, cell) in new[] { ("kat-table-row", "kat-table", "kat-table-cell"), ("tr", "table", "td") })
        {
            foreach (var table in document.QuerySelectorAll(stop))
            {
                var rows = PageTables.Own(table, name, stop);
                rows.Should().Equal(BySelector(table, name, stop));
                foreach (var row in rows)
                {
                    PageTables.Own(row, cell, name).Should().Equal(BySelector(row, cell, name));
                }
            }
        }
    }

    [Fact]
    public void EveryFixturesRowsAndCellsAreTheSelectorsOnes()
    {
        var checkedTables = 0;
        foreach (var file in PageFixtures.All())
        {
            var document = ComposedDocument.Parse(File.ReadAllText(file)).Document;
            ShouldMatchTheSelectors(document);
            checkedTables += document.QuerySelectorAll("kat-table, table").Length;
        }
        checkedTables.Should().BeGreaterThan(10);
    }

    [Fact]
    public void RowsAndCellsOfANestedTableBelongToTheNestedTable()
    {
        const string Html = """
            <kat-table id="outer"><kat-table-row><kat-table-cell>a<kat-table-cell>inner cell</kat-table-cell></kat-table-cell>
            <kat-table-cell><kat-table id="inner"><kat-table-row><kat-table-cell>x</kat-table-cell></kat-table-row></kat-table></kat-table-cell>
            <div><kat-table-row><kat-table-cell>row in a div</kat-table-cell></kat-table-row></div></kat-table-row></kat-table>
            <table><tr><td>1<table><tr><td>2</td></tr></table></td></tr><tbody><tr><th>3</th></tr></tbody></table>
            """;
        var document = new HtmlParser().ParseDocument(Html);
        ShouldMatchTheSelectors(document);
        PageTables.Own(document.GetElementById("outer")!, "kat-table-row", "kat-table").Should().HaveCount(2);
        PageTables.Own(document.GetElementById("inner")!, "kat-table-row", "kat-table").Should().ContainSingle();
    }
}
