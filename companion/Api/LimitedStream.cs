namespace Refully.Companion.Api;

/// <summary>
/// A read-only, forward-only view of a stream that fails with <c>tooLarge()</c> once more than <c>limit</c> bytes
/// are read: the bound on any input the companion reads whole (a JSON report, a request body once decompressed).
/// <paramref name="broken"/>, when given, turns the inner stream's <see cref="InvalidDataException"/> (e.g. broken
/// gzip) into the caller's error.
/// </summary>
internal sealed class LimitedStream(Stream inner, long limit, Func<Exception> tooLarge,
    Func<InvalidDataException, Exception>? broken = null, bool disposeInner = false) : Stream
{
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
            return Count(inner.Read(buffer));
        }
        catch (InvalidDataException ex) when (broken is not null)
        {
            throw broken(ex);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return Count(await inner.ReadAsync(buffer, cancellationToken));
        }
        catch (InvalidDataException ex) when (broken is not null)
        {
            throw broken(ex);
        }
    }

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            throw tooLarge();
        }
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && disposeInner)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
