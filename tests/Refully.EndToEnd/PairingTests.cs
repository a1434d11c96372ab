using System.Text.Json;
using Refully.Companion.Storage;
using Refully.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Refully.EndToEnd;

/// <summary>Pairing and unpairing through the real popup page, against the real companion.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class PairingTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task PairingWithTheCodeTheCompanionShowsStoresATokenAndShowsPaired()
    {
        // Arrange: an unpaired extension and a running companion.
        await using var companion = CompanionServer.Start();
        await chromium.ResetAsync(companion.Url);
        var popup = await chromium.OpenPopupAsync();
        await Expect(popup.Locator("#state")).ToHaveTextAsync("Not paired");
        await chromium.WaitForBadgeAsync("!");

        // Act: Pair, then a wrong code, then the code the companion showed.
        await popup.Locator("#pair").ClickAsync();
        var code = await companion.Pairing.NextCodeAsync();
        var wrong = ((int.Parse(code) + 1) % 1_000_000).ToString("D6");
        await popup.Locator("#code").FillAsync(wrong);
        await popup.Locator("#confirm").ClickAsync();
        await Expect(popup.Locator("#message")).ToContainTextAsync("not the code");
        await Expect(popup.Locator("#state")).ToHaveTextAsync("Not paired");
        await popup.Locator("#code").FillAsync($"{code[..3]} {code[3..]}");
        await popup.Locator("#confirm").ClickAsync();

        // Assert: paired in the popup and on the badge, and the stored token is one the companion accepts
        // from this extension only.
        await Expect(popup.Locator("#state")).ToHaveTextAsync("Paired");
        await Expect(popup.Locator("#companion-link")).ToHaveTextAsync(companion.Url);
        await chromium.WaitForBadgeAsync("on");
        var stored = await chromium.StoredSettingsAsync();
        var token = stored.GetProperty("token").GetString();
        token.Should().NotBeNullOrEmpty();
        stored.GetProperty("companionUrl").GetString().Should().Be(companion.Url);
        companion.Tokens.Check(token, chromium.ExtensionOrigin).Outcome.Should().Be(TokenCheck.Valid);
        companion.Tokens.Check(token, "chrome-extension://someotherextensionid").Outcome.Should().Be(TokenCheck.WrongOrigin);
    }

    [Fact]
    public async Task UnpairingForgetsTheTokenAndRevokesItAtTheCompanion()
    {
        // Arrange: a paired extension.
        await using var companion = CompanionServer.Start();
        var issued = companion.IssueTokenFor(chromium.ExtensionOrigin);
        await chromium.ResetAsync(companion.Url, issued.Token, issued.Id);
        var popup = await chromium.OpenPopupAsync();
        await Expect(popup.Locator("#state")).ToHaveTextAsync("Paired");

        // Act
        await popup.Locator("#unpair").ClickAsync();

        // Assert
        await Expect(popup.Locator("#state")).ToHaveTextAsync("Not paired");
        await chromium.WaitForBadgeAsync("!");
        var stored = await chromium.StoredSettingsAsync();
        stored.TryGetProperty("token", out _).Should().BeFalse();
        companion.Tokens.Check(issued.Token, chromium.ExtensionOrigin).Outcome.Should().Be(TokenCheck.Invalid);
    }
}
