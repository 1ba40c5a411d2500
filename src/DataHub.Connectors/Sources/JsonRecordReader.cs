using System.Runtime.CompilerServices;
using System.Text.Json;

namespace DataHub.Connectors.Sources;

/// <summary>
/// A JSON array of records (or JSON Lines), streamed element by element so a million-record export
/// never sits in memory. A file that breaks off mid-way delivers what came before it and then one
/// malformed record saying where it broke: nothing after the break is silently lost from the ledger.
/// </summary>
public sealed class JsonRecordReader(bool lines) : IRecordFileReader
{
    public async IAsyncEnumerable<SourceRecord> ReadAsync(string path, string unitName, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, topLevelValues: lines, cancellationToken: ct).GetAsyncEnumerator(ct);
        long ordinal = 0;
        try
        {
            while (true)
            {
                SourceRecord? broken = null;
                bool more;
                try
                {
                    more = await elements.MoveNextAsync();
                }
                catch (JsonException e)
                {
                    more = false;
                    broken = new SourceRecord($"{unitName}#{ordinal + 1}", unitName, ordinal + 1, NoFields.Instance,
                        $"broken JSON after record {ordinal} (line {e.LineNumber + 1}): the rest of the file cannot be read");
                }
                if (broken is not null) { yield return broken; yield break; }
                if (!more) yield break;
                ordinal++;
                var element = elements.Current;
                yield return element.ValueKind == JsonValueKind.Object
                    ? new SourceRecord($"{unitName}#{ordinal}", unitName, ordinal, new JsonFields(element))
                    : new SourceRecord($"{unitName}#{ordinal}", unitName, ordinal, NoFields.Instance, $"record {ordinal} is a JSON {element.ValueKind.ToString().ToLowerInvariant()}, not an object");
            }
        }
        finally
        {
            await elements.DisposeAsync();
        }
    }
}
