using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace DataHub.Store.Audit;

/// <summary>
/// One journal line: a JSON array <c>[time, client, purpose, endpoint, citizen, [documents], status]</c> and a
/// newline. The time is written exactly as the chain hashes it (<see cref="AccessLogChain.TimeText"/>), so an
/// entry read back from the journal chains to the same hash it would have had when appended directly.
/// </summary>
internal static class AccessLogJournalLine
{

    // One buffer and one writer per thread: a line is formatted on every request the API serves.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    /// <summary>The entry's line, newline included, in a buffer of the calling thread's: valid until the thread formats the next one.</summary>
    public static ReadOnlySpan<byte> Format(AccessLogEntry e)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(512);
        var json = _writer ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        json.WriteStartArray();
        AccessLogChain.WriteFields(json, e);
        json.WriteEndArray();
        json.Flush();
        buffer.Write("\n"u8);
        return buffer.WrittenSpan;
    }

    /// <summary>Reads a line without its newline; false for anything that is not a line <see cref="Format"/> wrote.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out AccessLogEntry entry)
    {
        entry = null!;
        try
        {
            var json = new Utf8JsonReader(line);
            if (!json.Read() || json.TokenType != JsonTokenType.StartArray) return false;
            var time = DateTimeOffset.ParseExact(NextString(ref json) ?? "", "O", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            var client = NextString(ref json);
            var purpose = NextString(ref json);
            var endpoint = NextString(ref json);
            var citizen = NextString(ref json);
            if (client is null || endpoint is null || !json.Read() || json.TokenType != JsonTokenType.StartArray) return false;
            var documents = new List<string>();
            while (json.Read() && json.TokenType == JsonTokenType.String) documents.Add(json.GetString()!);
            if (json.TokenType != JsonTokenType.EndArray || !json.Read() || json.TokenType != JsonTokenType.Number) return false;
            var status = json.GetInt32();
            if (!json.Read() || json.TokenType != JsonTokenType.EndArray || json.Read()) return false;
            entry = new AccessLogEntry(time, client, purpose, endpoint, citizen, documents, status);
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string? NextString(ref Utf8JsonReader json)
    {
        if (!json.Read()) throw new FormatException("line ends early");
        return json.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => json.GetString(),
            _ => throw new FormatException("not a string"),
        };
    }
}
