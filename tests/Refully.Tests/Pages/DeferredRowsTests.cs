using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FluentAssertions;
using Refully.Companion.Pages;
using Refully.Companion.Pages.Parsers;
using Xunit;
using Xunit.Abstractions;

namespace Refully.Tests.Pages;

/// <summary>
/// A document whose plain rows were read by the composer (<see cref="DeferredRows"/>) must give every reader allowed
/// to read it exactly what the whole document gives: each table's rows and cells, the page summary, the depth, the
/// whole text, and every tables-only parser's DOM check and records — on every fixture page, on a page like the
/// benchmark's and on random Katal tables whose rows hold what may and may not be deferred.
/// </summary>
public sealed class DeferredRowsTests(ITestOutputHelper output)
{
    private static readonly Uri Anywhere = new("https://sellercentral.amazon.com/somewhere");

    /// <summary>Everything a reader of a document with deferred rows can see, as one comparable text.</summary>
    private static string Observed(ComposedDocument composed, Uri url)
    {
        var document = composed.Document;
        var seen = new JsonObject
        {
            ["depth"] = composed.MaxDepth,
            ["roots"] = composed.ShadowRootCount,
            ["title"] = document.Title,
            ["text"] = document.DocumentElement is { } root ? DeferredRows.TextContent(root) : null,
            ["headings"] = new JsonArray(PageSummary.Headings(document).Select(h => (JsonNode)JsonValue.Create(h)).ToArray()),
            ["summary"] = new JsonArray(PageSummary.Tables(document)
                .Select(t => (JsonNode)new JsonObject { ["headers"] = string.Join("|", t.Headers), ["rows"] = t.Rows }).ToArray()),
        };
        var tables = new JsonArray();
        foreach (var table in document.QuerySelectorAll("kat-table, table"))
        {
            tables.Add(new JsonArray(PageTables.Rows(table).Select(r => (JsonNode)string.Join("|", PageTables.Cells(r))).ToArray()));
        }
        seen["tables"] = tables;
        foreach (var parser in PageParsers.All.Where(p => p.ReadsTablesOnly))
        {
            var matches = parser.MatchesDom(document);
            seen[parser.Kind.ToString()] = matches ? PageFixtures.Actual(parser.Parse(document, url, "US"), url) : false;
        }
        return seen.ToJsonString(PageFixtures.Json);
    }

    private static ComposedDocument ShouldReadAlike(string html, Uri url)
    {
        var whole = ComposedDocument.Parse(html);
        var deferred = ComposedDocument.Parse(html, deferRows: true);
        whole.DeferredRowCount.Should().Be(0);
        deferred.ComposedAsText.Should().Be(whole.ComposedAsText);
        Observed(deferred, url).Should().Be(Observed(whole, url), "for {0}", html);
        return deferred;
    }

    public static IEnumerable<object[]> Fixtures() => PageFixtures.AllPages();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_fixture_page_reads_the_same_with_its_rows_deferred(string file)
    {
        var deferred = ShouldReadAlike(File.ReadAllText(file), Anywhere);
        output.WriteLine($"{Path.GetFileName(file)}: {deferred.DeferredRowCount} rows deferred");
    }

    [Fact]
    public void The_Katal_fixture_pages_have_rows_to_defer()
    {
        // Otherwise the comparison above would compare two whole documents.
        var deferredPages = Fixtures().Select(f => (string)f[0]).Count(f => ComposedDocument.Parse(File.ReadAllText(f), deferRows: true).DeferredRowCount > 0);
        deferredPages.Should().BeGreaterThan(3);
    }

    [Fact]
    public void A_page_like_the_benchmark_one_has_every_row_deferred_and_reads_the_same()
    {
        var html = BenchLikePage(rows: 40);
        var deferred = ShouldReadAlike(html, new Uri("https://sellercentral.amazon.com/reportcentral/INVENTORY_LEDGER/0"));
        deferred.DeferredRowCount.Should().Be(41, "40 rows and the header row are plain");
        deferred.Document.QuerySelectorAll("kat-table-cell").Should().BeEmpty("no row's content was parsed");
        var parse = PageParsers.For(new Uri("https://sellercentral.amazon.com/reportcentral/INVENTORY_LEDGER/0"), deferred.Document)
            .Parse(deferred.Document, new Uri("https://sellercentral.amazon.com/reportcentral/INVENTORY_LEDGER/0"), "US");
        parse.Records.Should().HaveCount(40);
        parse.Anchors.Should().Contain("X00TEST007").And.Contain("R&D-7 <x>");
    }

    [Theory]
    [InlineData("<h2>Ledger</h2>", "a heading", 3)]
    [InlineData("<span role=\"heading\">x</span>", "a heading role", 3)]
    [InlineData("<style>.x{}</style>", "a raw text element", 3)]
    [InlineData("&copy;", "a named reference other than the six", 3)]
    [InlineData("&amp", "a reference without its semicolon", 3)]
    [InlineData("&#150;", "a C1 code point (remapped by the parser)", 3)]
    [InlineData("a\rb", "a carriage return", 3)]
    [InlineData("<kat-table><kat-table-row><kat-table-cell>in</kat-table-cell></kat-table-row></kat-table>", "a table of its own (whose row is deferred)", 4)]
    public void A_row_that_is_not_plain_is_parsed_as_it_is(string content, string why, int deferredRows)
    {
        var html = BenchLikePage(rows: 3, extra: content);
        var deferred = ShouldReadAlike(html, new Uri("https://sellercentral.amazon.com/reportcentral/INVENTORY_LEDGER/0"));
        deferred.DeferredRowCount.Should().Be(deferredRows, "the row with {0} is parsed, the header and the other rows are deferred", why);
    }

    [Fact]
    public void A_row_carrying_the_marker_attribute_itself_is_parsed_as_it_is()
    {
        var html = BenchLikePage(rows: 2).Replace("<kat-table-row role=\"row\">", "<kat-table-row role=\"row\" Data-Refully-Row=\"9\">");
        ShouldReadAlike(html, Anywhere).DeferredRowCount.Should().Be(1, "only the header row is deferred");
    }

    [Fact]
    public void Rows_of_the_pages_own_DOM_are_deferred_too()
    {
        // As the extension captures a Katal table: only roots with content (the header cells') are serialized, the rows are light DOM.
        static string Header(string label) =>
            $"<kat-table-cell header=\"x\"><template shadowrootmode=\"open\"><span class=\"h\">{label}</span></template></kat-table-cell>";
        var html = new StringBuilder("<!DOCTYPE html><html><head><title>Ledger</title></head><body><main><h1>Inventory Ledger</h1><kat-table id=\"report\">\n")
            .Append("<kat-table-head><kat-table-row>").AppendJoin("", new[] { "Date", "FNSKU", "Event Type", "Reference ID", "Quantity" }.Select(Header))
            .Append("</kat-table-row></kat-table-head><kat-table-body>\n");
        for (var i = 0; i < 6; i++)
        {
            html.Append($"<kat-table-row>\n  <kat-table-cell>10/0{i + 1}/2026</kat-table-cell><kat-table-cell>X00L{i}</kat-table-cell>")
                .Append($"<kat-table-cell>Adjustments</kat-table-cell><kat-table-cell>R{i}</kat-table-cell><kat-table-cell>{(i == 3 ? "<table><tr><td>2</td></tr></table>" : "-2")}</kat-table-cell></kat-table-row>\n");
        }
        html.Append("</kat-table-body></kat-table></main></body></html>");
        var deferred = ShouldReadAlike(html.ToString(), new Uri("https://sellercentral.amazon.com/reportcentral/INVENTORY_LEDGER/0"));
        deferred.ComposedAsText.Should().BeTrue();
        deferred.DeferredRowCount.Should().Be(6, "the header row and five rows; the row holding a <table> is read as the page wrote it");
    }

    [Theory]
    [InlineData("<table><tr><td>{0}</td></tr></table>", 2)] // in a cell: rows read as anywhere else
    [InlineData("<table>{0}</table>", 0)] // where the parser would move the kat-table out of the table: parsed as it is
    [InlineData("<table><tbody>{0}</tbody></table>", 0)]
    public void A_kat_table_inside_a_plain_table_reads_the_same(string around, int deferredRows)
    {
        const string table = "<kat-table><kat-table-head><kat-table-row><kat-table-cell>Date</kat-table-cell><kat-table-cell>FNSKU</kat-table-cell>"
            + "</kat-table-row></kat-table-head><kat-table-body><kat-table-row><kat-table-cell>10/01/2026</kat-table-cell><kat-table-cell>X00T</kat-table-cell>"
            + "</kat-table-row></kat-table-body></kat-table>";
        var html = "<!DOCTYPE html><html><body><kat-box><template shadowrootmode=\"open\"><slot></slot></template>x</kat-box>"
            + string.Format(System.Globalization.CultureInfo.InvariantCulture, around, table) + "</body></html>";
        ShouldReadAlike(html, Anywhere).DeferredRowCount.Should().Be(deferredRows);
    }

    [Fact]
    public void A_row_outside_any_kat_table_is_parsed_as_it_is()
    {
        const string html = "<!DOCTYPE html><html><body><kat-box><template shadowrootmode=\"open\"><slot></slot></template>"
            + "<kat-table-row><kat-table-cell>a</kat-table-cell></kat-table-row></kat-box></body></html>";
        ShouldReadAlike(html, Anywhere).DeferredRowCount.Should().Be(0);
    }

    [Fact]
    public void Text_around_deferred_rows_reads_with_their_text()
    {
        // A heading that wraps a table: its text is the rows' text too.
        var html = BenchLikePage(rows: 2).Replace("<kat-table>", "<h2 id=\"wrap\"><kat-table>").Replace("</kat-table>", "</kat-table></h2>");
        var deferred = ShouldReadAlike(html, Anywhere);
        deferred.DeferredRowCount.Should().Be(3);
        DeferredRows.TextContent(deferred.Document.GetElementById("wrap")!).Should().Contain("X00TEST001");
    }

    [Fact]
    public void Labelled_fields_are_never_read_from_a_document_with_deferred_rows()
    {
        var deferred = ComposedDocument.Parse(BenchLikePage(rows: 2), deferRows: true);
        var read = () => PageValues.Field(deferred.Document, "Status");
        read.Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData("https://sellercentral.amazon.com/reportcentral/INVENTORY_LEDGER/0", true)]
    [InlineData("https://sellercentral.amazon.com/reportcentral/REIMBURSEMENTS/0", true)]
    [InlineData("https://sellercentral.amazon.com/cu/case-lobby", true)]
    [InlineData("https://sellercentral.amazon.com/somewhere/else", true)]
    [InlineData("https://sellercentral.amazon.com/orders-v3/order/111-2222222-3333333", false)]
    [InlineData("https://sellercentral.amazon.com/cu/case-dashboard/view-case?caseID=12345678901", false)]
    [InlineData("https://sellercentral.amazon.com/fba/inbound-shipment/summary/FBA15ABCDEF", false)]
    public void Rows_are_deferred_only_where_every_parser_of_the_address_reads_tables_alone(string url, bool defers) =>
        PageParsers.DefersRows(new Uri(url)).Should().Be(defers);

    [Theory]
    [InlineData("a &amp; b", "a & b")]
    [InlineData("&lt;x&gt; &quot;q&quot; &apos;", "<x> \"q\" '")]
    [InlineData("1&nbsp;234", "1\u00A0234")]
    [InlineData("caf&#233; &#x1F600; &#X41;", "café 😀 A")]
    [InlineData("R & D &", "R & D &")]
    public void Character_references_every_serializer_writes_are_decoded(string text, string expected)
    {
        var decoded = new StringBuilder();
        TextualComposer.Decode(text, decoded).Should().BeTrue();
        decoded.ToString().Should().Be(expected);
    }

    [Fact]
    public void Decoding_agrees_with_the_HTML_parser_whenever_it_is_certain()
    {
        string[] pieces = ["a", " ", "&", "&amp;", "&amp", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp;", "&copy;", "&copy", "&ampx;", "&#", "&#;",
            "&#65;", "&#x41;", "&#X1f600;", "&#0;", "&#128;", "&#150;", "&#x9F;", "&#xD800;", "&#x110000;", "&#9;", "&#10;", "&#13;", "&#12;",
            "&#xFFFE;", "&#xFDD0;", "&#99999999;", "&#0065;", "\r", "\r\n", "\n", "\t", "é", "&notit;", "&not", "1,5", "#", ";", "&-", "&.", "&/", "& ", "&\t"];
        var parser = new HtmlParser();
        var random = new Random(7);
        var certain = 0;
        for (var i = 0; i < 4000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => pieces[random.Next(pieces.Length)]));
            var decoded = new StringBuilder();
            if (!TextualComposer.Decode(text, decoded))
            {
                continue;
            }
            certain++;
            var dom = parser.ParseDocument($"<!DOCTYPE html><html><body><div>{text}</div></body></html>").QuerySelector("div")!.TextContent;
            decoded.ToString().Should().Be(dom, "for {0}", text.Replace("\r", "\\r"));
        }
        certain.Should().BeGreaterThan(500);
    }

    [Fact]
    public void Random_Katal_tables_read_the_same_with_their_rows_deferred()
    {
        var deferredRows = 0;
        var parsedRows = 0;
        for (var seed = 0; seed < 600; seed++)
        {
            var (html, rows) = new RandomTablePage(new Random(seed)).Build();
            var deferred = ComposedDocument.Parse(html, deferRows: true);
            var whole = ComposedDocument.Parse(html);
            Observed(deferred, Anywhere).Should().Be(Observed(whole, Anywhere), "seed {0}: {1}", seed, html);
            deferred.MaxDepth.Should().Be(ComposedDocument.ParseInDom(html, stripShadowStyles: false).MaxDepth, "seed {0}", seed);
            deferredRows += deferred.DeferredRowCount;
            parsedRows += rows - deferred.DeferredRowCount;
        }
        output.WriteLine($"{deferredRows} rows deferred, {parsedRows} parsed as they are");
        deferredRows.Should().BeGreaterThan(1000);
        parsedRows.Should().BeGreaterThan(300, "rows that may not be deferred are generated too");
    }

    /// <summary>A Katal ledger page as scripts/bench_pages.py builds it, small; <paramref name="extra"/> goes into the second row's title cell.</summary>
    private static string BenchLikePage(int rows, string extra = "")
    {
        const string style = "<style>:host{display:table-cell}</style>";
        static string Cell(string text) =>
            $"<kat-table-cell role=\"cell\"><template shadowrootmode=\"open\">{style}<div class=\"c\" part=\"cell\"><slot></slot></div></template>{text}</kat-table-cell>";
        var html = new StringBuilder("<!DOCTYPE html><html><head><title>Inventory Ledger</title></head><body>")
            .Append("<kat-box><template shadowrootmode=\"open\"><h1>Inventory Ledger</h1><slot></slot></template></kat-box>")
            .Append("<kat-table><template shadowrootmode=\"open\"><div role=\"table\"><slot></slot></div></template><kat-table-head><kat-table-row>")
            .AppendJoin("", new[] { "Date", "FNSKU", "Event Type", "Reference ID", "Quantity", "Fulfillment Center", "Disposition", "Reason", "Title" }
                .Select(h => $"<kat-table-cell role=\"columnheader\"><template shadowrootmode=\"open\">{style}<span class=\"h\">{h}</span></template></kat-table-cell>"))
            .Append("</kat-table-row></kat-table-head><kat-table-body>");
        for (var i = 0; i < rows; i++)
        {
            html.Append("<kat-table-row role=\"row\">").Append(Cell($"10/{i % 28 + 1:00}/2026")).Append(Cell($"X00TEST{i:000}")).Append(Cell("Adjustments"))
                .Append(Cell($"R&amp;D-{i} &lt;x&gt;")).Append(Cell("-1")).Append(Cell("PHX6")).Append(Cell("SELLABLE")).Append(Cell("M"))
                .Append(Cell($"Product {i} <!--?lit$1$-->{(i == 1 ? extra : "")}")).Append("</kat-table-row>");
        }
        return html.Append("</kat-table-body></kat-table></body></html>").ToString();
    }

    /// <summary>
    /// Random Katal tables: hosts or plain rows and cells, named and default slots, nested cells, text with character
    /// references, comments, SVG, and now and then what a row may not hold when deferred (headings, raw text, another
    /// table, a reference the composer is not certain of, a carriage return) or a table that is not a kat-table.
    /// </summary>
    private sealed class RandomTablePage(Random random)
    {
        private static readonly string[] Labels = ["Date", "FNSKU", "Event Type", "Reference ID", "Quantity", "Fulfillment Center", "Disposition", "Reason", "Title", "Status"];
        private static readonly string[] Words = ["10/01/2026", "2026-10-02", "X00R1", "x00r1", "Adjustments", "Receipts", "Customer Returns", "-3", "7", "PHX6",
            "SELLABLE", "M", "E", "R &amp; D", "&lt;b&gt;", "1&nbsp;000", "caf&#233;", "&#x1F600;", "  ", "\n", "\t", "a  b", "&", "FBA15X"];
        private static readonly string[] NotPlain = ["<h3>h</h3>", "<b role=\"heading\">h</b>", "<script>var x = 1;</script>", "<textarea>t</textarea>",
            "&copy;", "&reg", "&#133;", "x\ry", "<kat-table><kat-table-row><kat-table-cell>n</kat-table-cell></kat-table-row></kat-table>",
            "<kat-table-row><kat-table-cell>r</kat-table-cell></kat-table-row>"];
        private readonly StringBuilder _html = new();
        private int _rows;

        public (string Html, int Rows) Build()
        {
            _html.Append("<!DOCTYPE html><html><head><title>Random</title></head><body>");
            if (random.Next(3) == 0)
            {
                _html.Append("<h1>Page</h1>");
            }
            var wrap = random.Next(4);
            if (wrap == 1)
            {
                _html.Append("<kat-box><template shadowrootmode=\"open\"><div><slot></slot></div></template>");
            }
            else if (wrap == 2)
            {
                _html.Append("<div role=\"heading\">");
            }
            Table();
            if (random.Next(4) == 0)
            {
                Table();
            }
            _html.Append(wrap switch { 1 => "</kat-box>", 2 => "</div>", _ => "" });
            _html.Append("</body></html>");
            return (_html.ToString(), _rows);
        }

        private void Table()
        {
            var columns = Labels.OrderBy(_ => random.Next()).Take(random.Next(3, Labels.Length + 1)).ToList();
            var host = random.Next(5) != 0;
            _html.Append("<kat-table>");
            if (host)
            {
                _html.Append("<template shadowrootmode=\"open\"><div role=\"table\">")
                    .Append(random.Next(3) == 0 ? "<slot name=\"head\"></slot><slot></slot>" : "<slot></slot>").Append("</div></template>");
            }
            var head = random.Next(3) != 0;
            if (head)
            {
                _html.Append(random.Next(2) == 0 && host ? "<kat-table-head slot=\"head\">" : "<kat-table-head>");
            }
            Row(columns.Select(c => (Func<string>)(() => c)).ToList());
            if (head)
            {
                _html.Append("</kat-table-head>");
            }
            _html.Append("<kat-table-body>");
            var rows = random.Next(0, 12);
            for (var i = 0; i < rows; i++)
            {
                Row(columns.Select(_ => (Func<string>)Content).ToList());
            }
            _html.Append("</kat-table-body></kat-table>");
        }

        private void Row(List<Func<string>> cells)
        {
            _rows++;
            _html.Append(random.Next(4) == 0 ? "<kat-table-row role=\"row\" class=\"r\">" : "<kat-table-row>");
            if (random.Next(3) == 0)
            {
                _html.Append("<template shadowrootmode=\"open\"><style>:host{display:table-row}</style><slot></slot></template>");
            }
            foreach (var cell in cells)
            {
                if (random.Next(10) == 0)
                {
                    _html.Append(' ');
                }
                Cell(cell());
            }
            if (random.Next(8) == 0)
            {
                _html.Append("loose text");
            }
            _html.Append("</kat-table-row>");
        }

        private void Cell(string content)
        {
            _html.Append("<kat-table-cell>");
            switch (random.Next(4))
            {
                case 0:
                    _html.Append("<template shadowrootmode=\"open\"><style>.c{}</style><div class=\"c\"><slot></slot></div></template>");
                    break;
                case 1:
                    _html.Append("<template shadowrootmode=\"open\"><span>pre </span><slot name=\"v\">fallback</slot><!-- c --></template>");
                    content = random.Next(2) == 0 ? $"<span slot=\"v\">{content}</span>" : content;
                    break;
            }
            _html.Append(content).Append("</kat-table-cell>");
        }

        private string Content()
        {
            var text = new StringBuilder();
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                var roll = random.Next(100);
                text.Append(roll switch
                {
                    < 55 => Words[random.Next(Words.Length)],
                    < 62 => "<!--?lit$123$-->",
                    < 68 => $"<span class=\"s\">{Words[random.Next(Words.Length)]}</span>",
                    < 72 => $"<a href=\"/x?a=1&amp;b=2\">{Words[random.Next(Words.Length)]}</a>",
                    < 75 => "<svg viewBox=\"0 0 2 2\"><title>icon</title><path d=\"M0 0\"/></svg>",
                    < 78 => "<br>",
                    < 82 => $"<kat-table-cell>{Words[random.Next(Words.Length)]}</kat-table-cell>",
                    < 85 => $"<kat-label><template shadowrootmode=\"open\"><b><slot></slot></b></template>{Words[random.Next(Words.Length)]}</kat-label>",
                    < 91 => NotPlain[random.Next(NotPlain.Length)],
                    _ => " ",
                });
            }
            return text.ToString();
        }
    }
}
