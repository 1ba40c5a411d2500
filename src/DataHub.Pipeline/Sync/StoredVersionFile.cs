using System.Buffers;
using System.Text.Json;
using DataHub.Core.Documents;

namespace DataHub.Pipeline.Sync;

/// <summary>
/// The bytes of <c>v{n}.json</c>: the validated document plus its identity and provenance. Deliberately
/// free of timestamps and run ids, so re-writing the same version after a crash produces identical bytes
/// and the store sees it as already present.
/// </summary>
public static class StoredVersionFile
{
    public static byte[] Build(DocumentId id, int version, string contentHash, ReadOnlySpan<byte> document, string connector, string sourceRef,
        DigitizationMethod method, IReadOnlyList<string> repairs)
    {
        // The buffer and writer are kept per thread (each store writer builds one file at a time): fresh ones
        // were two more allocations the size of the document for every version written.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteString("documentId", id.Value);
        writer.WriteNumber("version", version);
        writer.WriteString("contentHash", contentHash);
        if (version > 1) writer.WriteNumber("supersedes", version - 1);
        writer.WriteStartObject("provenance");
        writer.WriteString("connector", connector);
        writer.WriteString("sourceRef", sourceRef);
        writer.WriteString("method", MethodName(method));
        if (repairs.Count > 0)
        {
            writer.WriteStartArray("repairs");
            foreach (var r in repairs) writer.WriteStringValue(r);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
        writer.WritePropertyName("document");
        writer.WriteRawValue(document, skipInputValidation: true);
        writer.WriteEndObject();
        writer.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        // An enormous document's buffer is not kept for the rest of the run.
        if (buffer.Capacity > 1 << 20) (t_buffer, t_writer) = (null, null);
        return bytes;
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>Reads the content hash back from stored bytes (used to heal after a crash).</summary>
    public static string? ReadContentHash(byte[] bytes)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            return doc.RootElement.TryGetProperty("contentHash", out var h) ? h.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string MethodName(DigitizationMethod method) => method switch
    {
        DigitizationMethod.Native => "native",
        DigitizationMethod.Ocr => "ocr",
        DigitizationMethod.OcrReviewed => "ocr-reviewed",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };
}
