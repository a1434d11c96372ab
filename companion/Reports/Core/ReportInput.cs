using System.IO.Compression;

namespace Refully.Companion.Reports.Core;

/// <summary>
/// One report file to read: a plain file, a gzip file, or one entry of a zip archive (named
/// <c>archive.zip!/entry.txt</c>). <see cref="Open"/> gives the decompressed bytes and may be called more than
/// once (the core looks at the start of a file before reading it through).
/// </summary>
public sealed class ReportInput
{
    private readonly Func<Stream> _open;

    public ReportInput(string name, Func<Stream> open)
    {
        Name = name;
        _open = open;
    }

    /// <summary>The file name shown to the user (as given on the command line, or the uploaded name).</summary>
    public string Name { get; }

    public Stream Open() => _open();

    /// <summary>
    /// The readable files behind a path: a file (gzip detected by its magic bytes, whatever its name; a zip
    /// archive gives one input per entry), or a folder, read recursively in name order.
    /// </summary>
    public static IEnumerable<ReportInput> FromPath(string path, string? displayName = null)
    {
        displayName ??= path;
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                foreach (var input in FromPath(file, Path.Combine(displayName, Path.GetRelativePath(path, file))))
                {
                    yield return input;
                }
            }
            yield break;
        }
        foreach (var input in FromStreamFactory(displayName, () => File.OpenRead(path)))
        {
            yield return input;
        }
    }

    /// <summary>Inputs behind a stream (uploads): decompressed and, for a zip, one per entry.</summary>
    public static IEnumerable<ReportInput> FromStreamFactory(string name, Func<Stream> open)
    {
        var kind = Sniff(open);
        if (kind == ContainerKind.Zip)
        {
            List<string> entries;
            using (var zip = new ZipArchive(open(), ZipArchiveMode.Read))
            {
                entries = zip.Entries.Where(e => e.Length > 0 && !e.FullName.EndsWith('/')).Select(e => e.FullName).ToList();
            }
            foreach (var entry in entries)
            {
                Func<Stream> openEntry = () =>
                {
                    var zip = new ZipArchive(open(), ZipArchiveMode.Read);
                    return new OwningStream(zip.GetEntry(entry)!.Open(), zip);
                };
                foreach (var input in FromStreamFactory($"{name}!/{entry}", openEntry))
                {
                    yield return input;
                }
            }
            yield break;
        }
        yield return kind == ContainerKind.Gzip
            ? new ReportInput(name, () => new GZipStream(open(), CompressionMode.Decompress))
            : new ReportInput(name, open);
    }

    private enum ContainerKind { Plain, Gzip, Zip }

    private static ContainerKind Sniff(Func<Stream> open)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = open();
        var n = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        if (n >= 2 && magic[0] == 0x1F && magic[1] == 0x8B)
        {
            return ContainerKind.Gzip;
        }
        return n == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4 ? ContainerKind.Zip : ContainerKind.Plain;
    }

    /// <summary>An entry stream that also disposes the archive it came from.</summary>
    private sealed class OwningStream(Stream inner, IDisposable owner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                owner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
