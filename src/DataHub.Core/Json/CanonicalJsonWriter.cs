using System.Buffers;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;

namespace DataHub.Core.Json;

/// <summary>
/// Writes a <see cref="CanonicalObject"/> as compact UTF-8 JSON, byte for byte what Newtonsoft's
/// <see cref="JsonTextWriter"/> (no formatting, default escaping, UTF-8 without BOM) writes for the
/// same tree: content hashes of every document published so far depend on those bytes. Strings that
/// need no escaping (nearly all) are encoded straight; the others, and every number, go through
/// Newtonsoft's own formatting (<see cref="JsonConvert.ToString(string)"/>, <see cref="JsonConvert.ToString(double)"/>).
/// Tests compare the two writers over every sample document and over hostile strings and numbers.
/// </summary>
public static class CanonicalJsonWriter
{
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;

    public static byte[] ToUtf8(CanonicalObject document)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        WriteObject(buffer, document);
        var bytes = buffer.WrittenSpan.ToArray();
        // An enormous document's buffer is not kept for the rest of the run.
        if (buffer.Capacity > 1 << 20) t_buffer = null;
        return bytes;
    }

    private static void WriteObject(ArrayBufferWriter<byte> buffer, CanonicalObject o)
    {
        Raw(buffer, (byte)'{');
        var first = true;
        foreach (var (name, value) in o)
        {
            if (!first) Raw(buffer, (byte)',');
            first = false;
            WriteString(buffer, name);
            Raw(buffer, (byte)':');
            WriteValue(buffer, value);
        }
        Raw(buffer, (byte)'}');
    }

    private static void WriteValue(ArrayBufferWriter<byte> buffer, object? value)
    {
        switch (value)
        {
            case null: Ascii(buffer, "null"); break;
            case string s: WriteString(buffer, s); break;
            case long l: WriteInteger(buffer, l); break;
            case double d: Ascii(buffer, FloatText(d)); break;
            case bool b: Ascii(buffer, b ? "true" : "false"); break;
            case CanonicalObject o: WriteObject(buffer, o); break;
            case IReadOnlyList<object?> list:
                Raw(buffer, (byte)'[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0) Raw(buffer, (byte)',');
                    WriteValue(buffer, list[i]);
                }
                Raw(buffer, (byte)']');
                break;
            default: throw new ArgumentException($"a {value.GetType().Name} has no canonical JSON form");
        }
    }

    /// <summary>
    /// Finite numbers as <see cref="JsonConvert.ToString(double)"/> ("R" with ".0" ensured); infinities and NaN
    /// as quoted text, as <see cref="JsonTextWriter"/> writes them with its default <see cref="FloatFormatHandling.String"/>.
    /// </summary>
    private static string FloatText(double d) =>
        double.IsFinite(d) ? JsonConvert.ToString(d) : "\"" + d.ToString(CultureInfo.InvariantCulture) + "\"";

    private static void WriteInteger(ArrayBufferWriter<byte> buffer, long value)
    {
        var span = buffer.GetSpan(20);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        buffer.Advance(written);
    }

    private static void WriteString(ArrayBufferWriter<byte> buffer, string s)
    {
        // Newtonsoft escapes control characters, '"', '\\' and U+0085, U+2028, U+2029; everything else is written as is.
        var text = NeedsEscaping(s) ? JsonConvert.ToString(s) : null;
        if (text is null) Raw(buffer, (byte)'"');
        var chars = (text ?? s).AsSpan();
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(chars.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(chars, span));
        if (text is null) Raw(buffer, (byte)'"');
    }

    private static bool NeedsEscaping(string s)
    {
        foreach (var c in s)
        {
            if (c < ' ' || c is '"' or '\\' or '\u0085' or '\u2028' or '\u2029') return true;
        }
        return false;
    }

    private static void Raw(ArrayBufferWriter<byte> buffer, byte b)
    {
        buffer.GetSpan(1)[0] = b;
        buffer.Advance(1);
    }

    private static void Ascii(ArrayBufferWriter<byte> buffer, string text)
    {
        var span = buffer.GetSpan(text.Length);
        buffer.Advance(Encoding.ASCII.GetBytes(text, span));
    }
}
