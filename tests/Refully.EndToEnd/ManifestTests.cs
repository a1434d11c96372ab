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
        var matches = Manifest().GetProperty("content_scripts").EnumerateArray()
            .SelectMany(s => s.GetProperty("matches").EnumerateArray()).Select(m => m.GetString()!).Order();
        matches.Should().Equal(SellerCentralPatterns());
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
