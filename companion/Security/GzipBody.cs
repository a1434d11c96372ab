using System.IO.Compression;

namespace Refully.Companion.Security;

/// <summary>
/// A gzip request body read decompressed, at most <c>limit</c> bytes of it: one byte more is a 413 (the same
/// problem as an uncompressed body over the limit), so a small body that unpacks to gigabytes costs nothing.
/// Broken gzip data is a 400. Read-only and forward-only, as a request body is.
/// </summary>
internal sealed class GzipBody(Stream compressed, long limit) : Stream
{
    private readonly GZipStream _gzip = new(compressed, CompressionMode.Decompress, leaveOpen: true);
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return Count(_gzip.Read(buffer));
        }
        catch (InvalidDataException ex)
        {
            throw Broken(ex);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return Count(await _gzip.ReadAsync(buffer, cancellationToken));
        }
        catch (InvalidDataException ex)
        {
            throw Broken(ex);
        }
    }

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            throw new BadHttpRequestException($"The request body is larger than {limit} bytes once decompressed.", StatusCodes.Status413PayloadTooLarge);
        }
        return read;
    }

    private static BadHttpRequestException Broken(Exception inner) =>
        new("The request body is not valid gzip data.", StatusCodes.Status400BadRequest, inner);

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }
        base.Dispose(disposing);
    }
}
