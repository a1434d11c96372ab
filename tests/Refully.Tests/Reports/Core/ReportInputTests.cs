using System.IO.Compression;
using System.Text;
using Refully.Companion.Reports.Core;

namespace Refully.Tests.Reports.Core;

public sealed class ReportInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("refully-input-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AGzipFileIsRecognisedByItsBytesWhateverItsName()
    {
        var path = Path.Combine(_folder, "report.txt");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes("Date\tFNSKU\n"));
        }
        var input = ReportInput.FromPath(path).Single();
        ReadAll(input).Should().Be("Date\tFNSKU\n");
        input.Name.Should().Be(path);
    }

    [Fact]
    public void EachZipEntryIsAFileNamedArchiveBangEntry()
    {
        var path = Path.Combine(_folder, "reports.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Write(zip, "a/ledger.txt", "one");
            Write(zip, "returns.csv", "two");
            zip.CreateEntry("empty-folder/");
        }
        var inputs = ReportInput.FromPath(path).ToList();
        inputs.Select(i => i.Name).Should().Equal($"{path}!/a/ledger.txt", $"{path}!/returns.csv");
        inputs.Select(ReadAll).Should().Equal("one", "two");
        ReadAll(inputs[1]).Should().Be("two", "an entry can be opened again");
    }

    [Fact]
    public void AGzipInsideAZipIsDecompressedToo()
    {
        var path = Path.Combine(_folder, "nested.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var entry = zip.CreateEntry("ledger.tsv.gz").Open();
            using var gz = new GZipStream(entry, CompressionLevel.Fastest);
            gz.Write(Encoding.UTF8.GetBytes("inner"));
        }
        ReadAll(ReportInput.FromPath(path).Single()).Should().Be("inner");
    }

    [Fact]
    public void AFolderIsReadRecursivelyInNameOrderSkippingHiddenFiles()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "b"));
        File.WriteAllText(Path.Combine(_folder, "b", "z.txt"), "z");
        File.WriteAllText(Path.Combine(_folder, "a.txt"), "a");
        File.WriteAllText(Path.Combine(_folder, ".DS_Store"), "x");
        ReportInput.FromPath(_folder).Select(i => Path.GetRelativePath(_folder, i.Name)).Should().Equal("a.txt", Path.Combine("b", "z.txt"));
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static string ReadAll(ReportInput input)
    {
        using var reader = new StreamReader(input.Open());
        return reader.ReadToEnd();
    }
}
