using System.Buffers;
using System.Text.Json;

namespace DataHub.Connectors.Sources;

/// <summary>
/// Reads the elements of a top-level JSON array (or the values of a JSON Lines file) one at a time
/// from a stream, holding only the current element in memory. Unlike
/// <c>JsonSerializer.DeserializeAsyncEnumerable</c>, an element is handed out as soon as it is complete,
/// so when a file breaks off every complete record before the break is still delivered.
/// </summary>
public sealed class JsonElementStream : IDisposable
{
    private const int MaxElementBytes = 16 * 1024 * 1024;
    private readonly Stream _stream;
    private readonly bool _lines;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _offset;
    private int _length;
    private bool _final;
    private bool _inArray;
    private bool _done;
    private long _consumedBefore;
    private JsonReaderState _state;

    public JsonElementStream(Stream stream, bool lines)
    {
        _stream = stream;
        _lines = lines;
        _state = new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = lines, CommentHandling = JsonCommentHandling.Skip });
        _inArray = lines;
    }

    /// <summary>Bytes of the file consumed so far (for error messages).</summary>
    public long Position => _consumedBefore + _offset;

    /// <summary>Reads the next element; false at the end. Throws <see cref="JsonException"/> where the JSON breaks.</summary>
    public bool TryReadNext(out JsonElement element)
    {
        element = default;
        while (!_done)
        {
            var span = _buffer.AsSpan(_offset, _length - _offset);
            var reader = new Utf8JsonReader(span, _final, _state);
            var start = reader;
            if (!reader.Read())
            {
                if (_final)
                {
                    if (_lines || !_inArray && span.Trim(" \t\r\n"u8).IsEmpty && Position == 0) { _done = true; return false; }
                    throw new JsonException("the file ends before the JSON array is closed");
                }
                Refill();
                continue;
            }
            if (!_inArray)
            {
                if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("expected a JSON array of records");
                Consume(ref reader);
                _inArray = true;
                continue;
            }
            if (reader.TokenType == JsonTokenType.EndArray && !_lines)
            {
                Consume(ref reader);
                _done = true;
                return false;
            }
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                if (_final) throw new JsonException("the file ends in the middle of a record");
                Refill();
                continue;
            }
            // ParseValue wants the reader on the element's first token (it mis-reads a fresh reader that resumes mid-array).
            var parse = start;
            parse.Read();
            using (var doc = JsonDocument.ParseValue(ref parse)) element = doc.RootElement.Clone();
            Consume(ref reader);
            return true;
        }
        return false;
    }

    private void Consume(ref Utf8JsonReader reader)
    {
        _offset += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    private void Refill()
    {
        var remaining = _length - _offset;
        if (_offset == 0 && remaining == _buffer.Length)
        {
            if (_buffer.Length >= MaxElementBytes) throw new JsonException($"a record is larger than {MaxElementBytes / (1024 * 1024)} MB");
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, remaining).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        else if (_offset > 0)
        {
            _buffer.AsSpan(_offset, remaining).CopyTo(_buffer);
            _consumedBefore += _offset;
        }
        _offset = 0;
        _length = remaining;
        var read = _stream.Read(_buffer, _length, _buffer.Length - _length);
        if (read == 0) _final = true;
        _length += read;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
