using Refully.Companion.Pages;

namespace Refully.Tests.Pages;

public sealed class ShadowStylesTests
{
    private const string Style = "<style>:host{display:block}.c>span{color:red}</style>";

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in PageFixtures.All())
        {
            data.Add(Path.GetRelativePath(PageFixtures.Root, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EveryFixtureComposesToTheSameTreeWithAndWithoutThePrePass(string relative)
    {
        var html = File.ReadAllText(Path.Combine(PageFixtures.Root, relative));

        ComposedOuterHtml(html, strip: true).Should().Be(ComposedOuterHtml(html, strip: false));
    }

    [Theory]
    [InlineData($"""<kat-table-cell><template shadowrootmode="open">{Style}<div class="c"><slot></slot></div></template>X00ABC</kat-table-cell>""")]
    [InlineData($"""<div title="a>b"><template shadowrootmode="open">  {Style}	<script>var a = "</div>";</script> <style >p[x]</style ><slot></slot></template>light</div>""")]
    [InlineData("""<DIV><TEMPLATE SHADOWROOTMODE=open><STYLE>:host{}</STYLE><span>upper</span></TEMPLATE></DIV>""")]
    [InlineData($"""<!-- <div><template shadowrootmode="open">{Style}</template></div> --><p>after comment</p>""")]
    [InlineData($"""<textarea><div><template shadowrootmode="open">{Style}</template></div></textarea>""")]
    [InlineData($"""<script>var t = '<div><template shadowrootmode="open">{Style}</template></div>';</script><p>x</p>""")]
    [InlineData($"""<script><!-- <script> </script> <div><template shadowrootmode="open">{Style}</template></div> --></script>""")]
    [InlineData($"""<svg><template shadowrootmode="open">{Style}</template></svg><p>after svg</p>""")]
    [InlineData($"""<div><template shadowrootmode="open"><span>first</span></template><template shadowrootmode="open">{Style}<b>second</b></template></div>""")]
    [InlineData($"""<div><template shadowrootmode="bogus">{Style}<b>not attached</b></template></div>""")]
    [InlineData($"""</ <div><template shadowrootmode="open">{Style}</template></div>> <p>bogus comment</p>""")]
    [InlineData($"""<div><template shadowrootmode="open">{Style}<slot name="a"></slot><slot></slot></template><i>1</i><b slot="a">2</b></div>""")]
    [InlineData($"""<div><template shadowrootmode="open"><style>unterminated""")]
    public void ThePrePassChangesNothingComposingWouldShow(string html)
    {
        ComposedOuterHtml(html, strip: true).Should().Be(ComposedOuterHtml(html, strip: false));
    }

    [Fact]
    public void AShadowRootsLeadingStylesAreNotParsedAtAll()
    {
        var html = $"""<kat-box><template shadowrootmode="open">{Style} {Style}<span>text</span></template></kat-box>""";

        ShadowStyles.Strip(html).Should().Be("""<kat-box><template shadowrootmode="open"> <span>text</span></template></kat-box>""");
    }

    [Fact]
    public void APageWithoutDeclarativeShadowRootsIsReturnedAsItIs()
    {
        const string html = "<html><head><style>p{}</style></head><body><p>x</p></body></html>";

        ShadowStyles.Strip(html).Should().BeSameAs(html);
    }

    private static string ComposedOuterHtml(string html, bool strip)
    {
        var composed = ComposedDocument.ParseInDom(html, strip);
        return composed.ShadowRootCount + "|" + composed.Document.DocumentElement!.OuterHtml;
    }
}
