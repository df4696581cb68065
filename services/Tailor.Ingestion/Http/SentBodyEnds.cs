namespace Tailor.Ingestion.Http;

/// <summary>
/// The body as sent, passed through unchanged while its first two bytes, last eight and length are kept: enough to
/// tell a compressed stream that is not of its format at all, and one cut short or followed by junk, which the
/// decompressors read without complaint (they stop at the end of the deflate data and never look past it).
/// </summary>
internal sealed class SentBodyEnds(Stream sent) : Stream
{
    private const int TailBytes = 8;

    private readonly byte[] _head = new byte[2];
    private readonly byte[] _tail = new byte[TailBytes];

    /// <summary>How many bytes have been read.</summary>
    public long Count { get; private set; }

    /// <summary>The first two bytes (fewer for a shorter body).</summary>
    public ReadOnlySpan<byte> Head => _head.AsSpan(0, (int)Math.Min(Count, _head.Length));

    /// <summary>The last eight bytes read, in order (fewer for a shorter body).</summary>
    public ReadOnlySpan<byte> Tail => _tail.AsSpan(TailBytes - (int)Math.Min(Count, TailBytes));

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Count; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Keep(buffer.AsSpan(offset, sent.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await sent.ReadAsync(buffer, cancellationToken);
        return Keep(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Keep(ReadOnlySpan<byte> read)
    {
        for (var index = 0; index < read.Length && Count + index < _head.Length; index++)
        {
            _head[Count + index] = read[index];
        }

        // Shift the tail left and append what was read, keeping the last eight bytes.
        var fresh = Math.Min(read.Length, TailBytes);
        _tail.AsSpan(fresh).CopyTo(_tail);
        read[^fresh..].CopyTo(_tail.AsSpan(TailBytes - fresh));
        Count += read.Length;
        return read.Length;
    }
}
