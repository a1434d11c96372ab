using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Refully.Companion.Domain.Records;
using Refully.Companion.Pages;
using Refully.Companion.Pages.Parsers;
using Refully.Companion.Storage;
using Refully.Tests.Infrastructure;
using Xunit;

namespace Refully.Tests.Pages;

public sealed class PageWarmUpTests
{
    private static PageWarmUp WarmUp(CompanionFactory factory) => factory.Services.GetServices<IHostedService>().OfType<PageWarmUp>().Single();

    /// <summary>Composes, recognises and reads the built-in page as the intake reads a capture; the records read.</summary>
    private static IReadOnlyList<DomainRecord> Read()
    {
        var url = PageWarmUp.LedgerUrl;
        var document = ComposedDocument.Parse(PageWarmUp.Page(), deferRows: PageParsers.DefersRows(url)).Document;
        return PageParsers.For(url, document).Parse(document, url, "US").Records;
    }

    [Fact]
    public void The_built_in_page_takes_the_text_path_and_the_ledger_parser_reads_every_row()
    {
        ComposedDocument.Parse(PageWarmUp.Page()).ComposedAsText.Should().BeTrue("the warm-up must compile the path real Katal captures take");
        // Both tables' rows are read by the composer (in a shadow root's composition, and as the page's own DOM), as the intake reads a ledger page.
        ComposedDocument.Parse(PageWarmUp.Page(), deferRows: true).DeferredRowCount.Should().Be(21 + 6);
        Read().OfType<LedgerEvent>().Should().HaveCount(20);
    }

    [Fact]
    public void The_scratch_run_goes_through_the_whole_intake_and_leaves_no_file_behind()
    {
        var (records, findings) = PageWarmUp.Scratch(out var path);

        records.Should().Be(20, "the built-in page's 20 rows are read and stored in the scratch file");
        findings.Should().BeGreaterThan(0, "detection ran over them");
        File.Exists(path).Should().BeFalse();
        File.Exists(Path.ChangeExtension(path, null) + "-log.db").Should().BeFalse();
        Path.GetDirectoryName(path).Should().Be(Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar));
    }

    [Fact]
    public async Task At_start_up_the_companion_reads_the_built_in_page_and_stores_nothing()
    {
        using var factory = new CompanionFactory(new() { ["Companion:WarmUpPages"] = "true" });
        (await factory.Client().GetAsync("/api/ping")).IsSuccessStatusCode.Should().BeTrue();
        await WarmUp(factory).ExecuteTask!;
        factory.Logs.Should().Contain(l => l.StartsWith("Page reading warmed up: 20 records from the built-in page, ", StringComparison.Ordinal));
        factory.Services.GetRequiredService<RecordStore>().Count<LedgerEvent>().Should().Be(0);
        factory.Services.GetRequiredService<PageStore>().CountVisits().Should().Be(0);
    }

    [Fact]
    public async Task Turned_off_it_reads_nothing()
    {
        using var factory = new CompanionFactory();
        (await factory.Client().GetAsync("/api/ping")).IsSuccessStatusCode.Should().BeTrue();
        await WarmUp(factory).ExecuteTask!;
        factory.Logs.Should().NotContain(l => l.StartsWith("Page reading warmed up", StringComparison.Ordinal));
    }
}
