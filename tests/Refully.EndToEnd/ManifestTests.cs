using System.Text.Json;
using Refully.Companion.Domain;
using Refully.EndToEnd.Infrastructure;

namespace Refully.EndToEnd;

/// <summary>The manifest asks for exactly what is used, on exactly the companion's Seller Central hosts.</summary>
public sealed class ManifestTests
{
    private static JsonElement Manifest() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "manifest.json"))).RootElement;

    private static string[] SellerCentralPatterns() =>
        Marketplaces.All.Select(m => m.SellerCentralHost).Append(Marketplaces.EuropeHost)
            .Select(host => $"https://{host}/*").Order().ToArray();

    [Fact]
    public void ContentScriptsRunOnEverySellerCentralHostTheCompanionKnows()
    {
        var scripts = Manifest().GetProperty("content_scripts").EnumerateArray().ToList();
        scripts.Should().NotBeEmpty();
        foreach (var script in scripts)
        {
            script.GetProperty("matches").EnumerateArray().Select(m => m.GetString()!).Order().Should().Equal(SellerCentralPatterns());
        }
    }

    [Fact]
    public void OnlyTheCaptureRelayIsWebAccessibleAndOnlyOnSellerCentral()
    {
        // A web-accessible file can be loaded by the pages it names: only the relay frame, only on Seller Central.
        var entries = Manifest().GetProperty("web_accessible_resources").EnumerateArray().ToList();
        entries.Should().ContainSingle();
        entries[0].GetProperty("resources").EnumerateArray().Select(r => r.GetString()).Should().Equal("extension/relay/relay.html");
        entries[0].GetProperty("matches").EnumerateArray().Select(m => m.GetString()!).Order().Should().Equal(SellerCentralPatterns());
        entries[0].TryGetProperty("extension_ids", out _).Should().BeFalse();
    }

    [Fact]
    public void OnlyTheShadowRootFinderRunsInThePagesOwnWorld()
    {
        // The page's world shares globals with Seller Central's scripts: only the capture walk may run there
        // (it reads the DOM and dispatches events); everything that holds state or calls chrome.* stays isolated.
        var inPageWorld = Manifest().GetProperty("content_scripts").EnumerateArray()
            .Where(s => s.TryGetProperty("world", out var world) && world.GetString() == "MAIN").ToList();
        inPageWorld.Should().ContainSingle();
        inPageWorld[0].GetProperty("js").EnumerateArray().Select(f => f.GetString()).Should()
            .Equal("extension/content/capture-page.js", "extension/content/page-world.js");
        foreach (var file in new[] { "capture-page.js", "page-world.js" })
        {
            File.ReadAllText(Path.Combine(RepositoryRoot.Path, "extension", "content", file)).Should().NotContain("chrome.");
        }
    }

    [Fact]
    public void PermissionsAreOnlyStorageSellerCentralAndLoopback()
    {
        var manifest = Manifest();
        manifest.GetProperty("manifest_version").GetInt32().Should().Be(3);
        int.Parse(manifest.GetProperty("minimum_chrome_version").GetString()!).Should().BeGreaterThanOrEqualTo(125, "getHTML({ shadowRoots }) needs Chrome 125");
        manifest.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).Should().Equal("storage");
        manifest.GetProperty("host_permissions").EnumerateArray().Select(p => p.GetString()!).Order()
            .Should().Equal(SellerCentralPatterns().Append("http://127.0.0.1/*").Order());
    }

    [Fact]
    public void EveryFileTheManifestNamesExistsAndNothingAtTheRootStartsWithAnUnderscore()
    {
        var manifest = Manifest();
        var files = new List<string>
        {
            manifest.GetProperty("background").GetProperty("service_worker").GetString()!,
            manifest.GetProperty("action").GetProperty("default_popup").GetString()!,
            manifest.GetProperty("options_ui").GetProperty("page").GetString()!,
        };
        files.AddRange(manifest.GetProperty("content_scripts").EnumerateArray().SelectMany(s => s.GetProperty("js").EnumerateArray()).Select(f => f.GetString()!));
        files.AddRange(manifest.GetProperty("icons").EnumerateObject().Select(i => i.Value.GetString()!));
        files.Should().OnlyContain(f => File.Exists(Path.Combine(RepositoryRoot.Path, f)));
        Directory.EnumerateFileSystemEntries(RepositoryRoot.Path).Select(Path.GetFileName)
            .Should().NotContain(name => name!.StartsWith('_'), "Chrome refuses to load an extension with a top-level _ entry");
    }
}
