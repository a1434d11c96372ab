using Refully.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Refully.EndToEnd;

/// <summary>The options page sets the companion's port, and the extension then talks to that port.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class OptionsTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task SavingThePortPointsTheExtensionAtTheCompanionOnThatPort()
    {
        // Arrange: the extension points at a closed port; the companion runs on another.
        await using var companion = CompanionServer.Start();
        await chromium.ResetAsync("http://127.0.0.1:9");
        var options = await chromium.Context.NewPageAsync();
        await options.GotoAsync($"{chromium.ExtensionOrigin}/extension/options/options.html");
        await Expect(options.Locator("#port")).ToHaveValueAsync("9");

        // Act
        var port = new Uri(companion.Url).Port;
        await options.Locator("#port").FillAsync(port.ToString());
        await options.Locator("button[type=submit]").ClickAsync();

        // Assert
        await Expect(options.Locator("#message")).ToHaveTextAsync($"Saved: Refully talks to {companion.Url}.");
        (await chromium.StoredSettingsAsync()).GetProperty("companionUrl").GetString().Should().Be(companion.Url);
        var popup = await chromium.OpenPopupAsync();
        await Expect(popup.Locator("#state")).ToHaveTextAsync("Not paired", new() { Timeout = 10_000 });
    }
}
