using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace DockerDsl.Cli.Registry;

/// <summary>Reads a blob as it streams in, hashing what passes and counting it, so its digest and size can be checked at the end.</summary>
internal sealed class DigestingStream : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash _hash;
    private readonly string _algorithm;
    private readonly long _maxBytes;
    private readonly string _digest;

    public DigestingStream(Stream inner, string digest, long maxBytes)
    {
        _inner = inner;
        _algorithm = digest[..digest.IndexOf(':')];
        _hash = IncrementalHash.CreateHash(_algorithm switch { "sha384" => HashAlgorithmName.SHA384, "sha512" => HashAlgorithmName.SHA512, _ => HashAlgorithmName.SHA256 });
        _maxBytes = maxBytes;
        _digest = digest;
    }

    /// <summary>The bytes read so far.</summary>
    public long Count { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Count; set => throw new NotSupportedException(); }

    /// <summary>Reads what is left, then the digest of everything read.</summary>
    public async Task<string> FinishAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        while (await ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
        {
        }

        return _algorithm + ":" + Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public override int Read(byte[] buffer, int offset, int count) => Counted(buffer.AsSpan(offset), _inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Counted(buffer.Span, read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Counted(Span<byte> buffer, int read)
    {
        _hash.AppendData(buffer[..read]);
        Count += read;
        if (Count > _maxBytes)
        {
            throw new RegistryException($"the blob {_digest} is more than the {_maxBytes} bytes its descriptor says");
        }

        return read;
    }
}
