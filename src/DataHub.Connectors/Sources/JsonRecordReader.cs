using System.Runtime.CompilerServices;
using System.Text.Json;

namespace DataHub.Connectors.Sources;

/// <summary>
/// A JSON array of records (or JSON Lines), streamed element by element so a million-record export
/// never sits in memory. A file that breaks off mid-way delivers every complete record before the break
/// and then one malformed record saying where it broke: nothing is silently lost from the ledger.
/// </summary>
public sealed class JsonRecordReader(bool lines) : IRecordFileReader
{
    public async IAsyncEnumerable<SourceRecord> ReadAsync(string path, string unitName, [EnumeratorCancellation] CancellationToken ct)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var elements = new JsonElementStream(stream, lines);
        long ordinal = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            JsonElement element;
            string? broken = null;
            bool more;
            try
            {
                more = elements.TryReadNext(out element);
            }
            catch (JsonException e)
            {
                more = false;
                element = default;
                broken = $"broken JSON after record {ordinal} (byte {elements.Position}): {e.Message}";
            }
            if (broken is not null)
            {
                yield return new SourceRecord($"{unitName}#{ordinal + 1}", unitName, ordinal + 1, NoFields.Instance, broken);
                yield break;
            }
            if (!more) yield break;
            ordinal++;
            yield return element.ValueKind == JsonValueKind.Object
                ? new SourceRecord($"{unitName}#{ordinal}", unitName, ordinal, new JsonFields(element))
                : new SourceRecord($"{unitName}#{ordinal}", unitName, ordinal, NoFields.Instance, $"record {ordinal} is a JSON {element.ValueKind.ToString().ToLowerInvariant()}, not an object");
            await Task.CompletedTask;
        }
    }
}
