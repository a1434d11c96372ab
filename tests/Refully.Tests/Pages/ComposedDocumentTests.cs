using AngleSharp.Html.Parser;
using Refully.Companion.Pages;

namespace Refully.Tests.Pages;

public sealed class ComposedDocumentTests
{
    private const string KatTable = """
        <html><body>
        <kat-table id="t"><template shadowrootmode="open"><div class="wrap"><slot></slot></div></template>
          <kat-table-head><kat-table-row>
            <kat-table-cell><template shadowrootmode="open"><span>Date</span></template></kat-table-cell>
            <kat-table-cell><template shadowrootmode="open"><span>FNSKU</span></template></kat-table-cell>
          </kat-table-row></kat-table-head>
          <kat-table-body><kat-table-row>
            <kat-table-cell><template shadowrootmode="open"><slot></slot></template>09/01/2026</kat-table-cell>
            <kat-table-cell><template shadowrootmode="open"><slot></slot></template>X00ABC1234</kat-table-cell>
          </kat-table-row></kat-table-body>
        </kat-table>
        </body></html>
        """;

    [Fact]
    public void ShadowTextIsInvisibleToAPlainParseButVisibleOnceComposed()
    {
        var plain = new HtmlParser().ParseDocument(KatTable);
        var composed = ComposedDocument.Parse(KatTable);

        plain.Body!.TextContent.Should().NotContain("FNSKU", "a shadow root's content is not part of the light tree");
        Text.Normalize(composed.Document.QuerySelector("kat-table-head")!.TextContent).Should().Be("Date FNSKU");
        composed.ShadowRootCount.Should().Be(5);
    }

    [Fact]
    public void LightChildrenLandInTheirSlots()
    {
        var html = """
            <div id="host"><template shadowrootmode="open"><header><slot name="title">no title</slot></header><main><slot></slot></main><footer><slot name="foot">fallback</slot></footer></template><b slot="title">Title</b>Body text</div>
            """;

        var host = ComposedDocument.Parse(html).Document.QuerySelector("#host")!;

        host.QuerySelector("header")!.TextContent.Should().Be("Title");
        host.QuerySelector("main")!.TextContent.Should().Be("Body text");
        host.QuerySelector("footer")!.TextContent.Should().Be("fallback");
    }

    [Fact]
    public void NestedShadowRootsAreComposedToo()
    {
        var html = """
            <outer-el><template shadowrootmode="open"><inner-el><template shadowrootmode="open"><p class="deep">deep text</p></template></inner-el></template></outer-el>
            """;

        var composed = ComposedDocument.Parse(html);

        composed.Document.QuerySelector("outer-el inner-el p.deep")!.TextContent.Should().Be("deep text");
        composed.ShadowRootCount.Should().Be(2);
    }

    [Fact]
    public void UnslottedLightChildrenAreKeptAsData()
    {
        var html = """<kat-box id="b"><template shadowrootmode="open"><span>shadow</span></template><em>light</em></kat-box>""";

        var box = ComposedDocument.Parse(html).Document.QuerySelector("#b")!;

        Text.Normalize(box.TextContent).Should().Be("shadowlight");
    }

    [Fact]
    public void DeepNestingIsMeasuredWithoutRecursion()
    {
        // The HTML parser (like Chromium's) stops nesting at 512 levels; composing must cope with all of it.
        var html = string.Concat(Enumerable.Repeat("<div>", 5000)) + "x" + string.Concat(Enumerable.Repeat("</div>", 5000));

        var composed = ComposedDocument.Parse(html);

        composed.MaxDepth.Should().BeGreaterThan(500);
    }

    [Fact]
    public void BadHtmlIsDataNotAnError()
    {
        var composed = ComposedDocument.Parse("<table><tr><td>a<td>b</table></kat-table-row><template shadowrootmode=open>");

        composed.Document.QuerySelectorAll("td").Length.Should().Be(2);
    }
}
