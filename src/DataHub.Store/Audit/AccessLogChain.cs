using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DataHub.Store.Audit;

/// <summary>
/// The hash chain: hash(n) = SHA-256(hash(n-1) + "\n" + canonical(n)). The canonical form is a JSON array
/// with a fixed field order that includes the sequence number, so editing a field, moving an entry to
/// another place or dropping one all break the chain at a point <see cref="AccessLogVerifier"/> can name.
/// </summary>
public static class AccessLogChain
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>The stored time text; it is hashed exactly as stored, so no round-trip can change it.</summary>
    /// <remarks>"O" of a UTC time is exactly yyyy-MM-dd'T'HH:mm:ss.fffffff'Z' (the spelling of every stored entry) and skips parsing a custom format on every request.</remarks>
    public static string TimeText(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    // One buffer and one writer per thread: the journal mover hashes every entry the API logs.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    public static string Hash(string previousHash, long sequence, AccessLogEntry e)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(512);
        var json = _writer ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        buffer.Advance(Encoding.ASCII.GetBytes(previousHash, buffer.GetSpan(previousHash.Length)));
        buffer.Write("\n"u8);
        json.Reset(buffer);
        json.WriteStartArray();
        json.WriteNumberValue(sequence);
        WriteFields(json, e);
        json.WriteEndArray();
        json.Flush();
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The entry's fields in the canonical order (also the journal's line, <see cref="AccessLogJournalLine"/>).</summary>
    internal static void WriteFields(Utf8JsonWriter json, AccessLogEntry e)
    {
        json.WriteStringValue(TimeText(e.Time));
        json.WriteStringValue(e.Client);
        WriteNullable(json, e.Purpose);
        json.WriteStringValue(e.Endpoint);
        WriteNullable(json, e.CitizenId);
        json.WriteStartArray();
        foreach (var id in e.DocumentIds) json.WriteStringValue(id);
        json.WriteEndArray();
        json.WriteNumberValue(e.Status);
    }

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null) json.WriteNullValue();
        else json.WriteStringValue(value);
    }
}
