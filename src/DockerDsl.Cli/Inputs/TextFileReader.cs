using System;
using System.IO;
using System.Text;
using DockerDsl.Core.Lint;

namespace DockerDsl.Cli.Inputs;

/// <summary>
/// Reads a Dockerfile or .dockerignore as BuildKit expects it: UTF-8 text, with or without a BOM. Line endings are
/// left alone (the parser handles CRLF). Anything else is an error naming the file, never replacement characters.
/// </summary>
internal static class TextFileReader
{
    /// <summary>The largest file read: 32 MiB, far above any real Dockerfile, so a stray binary or log fails fast.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    private static ReadOnlySpan<byte> Utf8Bom => new byte[] { 0xEF, 0xBB, 0xBF };

    private static ReadOnlySpan<byte> Utf16LittleEndianBom => new byte[] { 0xFF, 0xFE };

    private static ReadOnlySpan<byte> Utf16BigEndianBom => new byte[] { 0xFE, 0xFF };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="displayPath">How errors name the file.</param>
    public static bool TryRead(string fullPath, string displayPath, out string text, out LintError? error)
    {
        text = string.Empty;
        byte[] bytes;
        try
        {
            var length = new FileInfo(fullPath).Length;
            if (length > MaxBytes)
            {
                error = new LintError(displayPath, 0, $"is {length} bytes, more than the {MaxBytes / (1024 * 1024)} MiB a Dockerfile may have");
                return false;
            }

            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error = new LintError(displayPath, 0, "cannot be read: " + exception.Message);
            return false;
        }

        error = Decode(bytes, displayPath, out text);
        return error is null;
    }

    /// <summary>The text of <paramref name="bytes"/>, or why they are not UTF-8 text.</summary>
    public static LintError? Decode(byte[] bytes, string displayPath, out string text)
    {
        text = string.Empty;
        var span = bytes.AsSpan();
        if (span.StartsWith(Utf8Bom))
        {
            span = span[3..];
        }
        else if (span.StartsWith(Utf16LittleEndianBom) || span.StartsWith(Utf16BigEndianBom))
        {
            return new LintError(displayPath, 0, "is UTF-16 text; save it as UTF-8");
        }

        var nul = span.IndexOf((byte)0);
        if (nul >= 0)
        {
            return new LintError(displayPath, LineOf(span, nul), "is not text: it contains a NUL byte");
        }

        try
        {
            text = StrictUtf8.GetString(span);
            return null;
        }
        catch (DecoderFallbackException)
        {
            var offset = FirstInvalidByte(span);
            return new LintError(displayPath, LineOf(span, offset), $"is not UTF-8 text: invalid byte 0x{span[offset]:X2} at offset {offset}");
        }
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? 0 : Math.Min(read, bytes.Length - 1);
    }

    private static int LineOf(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;
}
