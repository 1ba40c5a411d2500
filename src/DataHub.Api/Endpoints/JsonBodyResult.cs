using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace DataHub.Api.Endpoints;

/// <summary>
/// A 200 JSON response written in one go, for the citizen lookup (the API's hot path): serialized by the source-generated
/// <see cref="ApiJsonContext"/> into a buffer of the thread's, then copied whole into the response behind a Content-Length.
/// <c>Results.Ok</c> serialized through reflection metadata into the response pipe, and sent the body chunked.
/// </summary>
public sealed class JsonBodyResult<T>(T value, JsonTypeInfo<T> typeInfo) : IResult, IStatusCodeHttpResult, IValueHttpResult<T>, IContentTypeHttpResult
{
    // The API's JSON spelling (DataHubApi's JSON options): Vietnamese text as it is, not \u-escaped.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    // One buffer and one writer per thread, reused by every response serialized on it.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    public T Value => value;

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(4096);
        var writer = _writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, value, typeInfo);
        response.ContentLength = buffer.WrittenCount;
        response.BodyWriter.Write(buffer.WrittenSpan);
        // Kestrel sends the body after the endpoint returns anyway; a host that put a stream of its own in
        // Response.Body needs the flush. Copied already, so the thread's buffer is free either way.
        var flush = response.BodyWriter.FlushAsync();
        return flush.IsCompletedSuccessfully ? Task.CompletedTask : flush.AsTask();
    }
}
