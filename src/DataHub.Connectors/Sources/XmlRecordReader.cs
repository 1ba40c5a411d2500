using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;

namespace DataHub.Connectors.Sources;

/// <summary>
/// XML exports: every <c>recordElement</c> is one record, read one at a time with an XmlReader. DTDs
/// are refused (no external entities, no entity expansion bombs). A document that breaks off delivers
/// the records before the break and one malformed record saying where.
/// </summary>
public sealed class XmlRecordReader(string recordElement, System.Text.Encoding? encoding) : IRecordFileReader
{
    public async IAsyncEnumerable<SourceRecord> ReadAsync(string path, string unitName, [EnumeratorCancellation] CancellationToken ct)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true, Async = false };
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var text = encoding is null ? null : new StreamReader(stream, encoding);
        using var reader = text is null ? XmlReader.Create(stream, settings) : XmlReader.Create(text, settings);
        long ordinal = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            XElement? element = null;
            string? broken = null;
            try
            {
                // XNode.ReadFrom leaves the reader on the node after the record, which may already be the
                // next record: only search forward when it is not, or every other record would be skipped.
                var atRecord = reader.NodeType == XmlNodeType.Element && reader.LocalName == recordElement;
                if (atRecord || reader.ReadToFollowing(recordElement)) element = (XElement)XNode.ReadFrom(reader);
            }
            catch (XmlException e)
            {
                broken = $"broken XML after record {ordinal} (line {e.LineNumber}, position {e.LinePosition}): {e.Message}";
            }
            if (broken is not null)
            {
                yield return new SourceRecord($"{unitName}#{ordinal + 1}", unitName, ordinal + 1, NoFields.Instance, broken);
                yield break;
            }
            if (element is null) yield break;
            ordinal++;
            yield return new SourceRecord($"{unitName}#{ordinal}", unitName, ordinal, new XmlFields(element));
            await Task.CompletedTask;
        }
    }
}
