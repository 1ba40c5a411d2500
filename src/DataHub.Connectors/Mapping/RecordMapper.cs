using DataHub.Connectors.Manifests;
using DataHub.Connectors.Sources;
using DataHub.Core.Documents;
using DataHub.Core.Text;

namespace DataHub.Connectors.Mapping;

/// <summary>
/// Applies a manifest's declarative mapping: picks the document type, reads each target from its
/// source path, fills the agency and the manifest's defaults. No normalization here — that is Core's.
/// </summary>
public sealed class RecordMapper
{
    private readonly ConnectorManifest _manifest;
    private readonly Dictionary<string, (DocumentType Type, KeyValuePair<string, FieldRule>[] Paths)> _byType;

    public RecordMapper(ConnectorManifest manifest)
    {
        _manifest = manifest;
        _byType = manifest.Mappings.ToDictionary(
            m => m.Key,
            m => (DocumentType.FromSlug(m.Key) ?? throw new ArgumentException($"unknown document type {m.Key}"), m.Value.ToArray()),
            StringComparer.Ordinal);
    }

    public SettledResult Map(SourceRecord record)
    {
        if (record.MalformedReason is not null)
            return new SettledResult { SourceRef = record.SourceRef, MalformedReason = record.MalformedReason, Values = Defaults(null), Method = record.Method };

        string? rawType;
        if (_manifest.DocumentType.Fixed is { } fixedType) rawType = fixedType;
        else
        {
            var selector = record.Fields.Get(_manifest.DocumentType.Field!)?.Trim() ?? "";
            rawType = _manifest.DocumentType.Map.TryGetValue(selector, out var slug) ? slug : selector;
        }
        if (rawType is null || !_byType.TryGetValue(rawType, out var mapping))
            return new SettledResult { SourceRef = record.SourceRef, RawType = rawType, Values = Defaults(record.Fields), Method = record.Method };

        var values = Defaults(null);
        Dictionary<string, double>? confidences = record.Confidences is null ? null : new(StringComparer.Ordinal);
        foreach (var (target, rule) in mapping.Paths)
        {
            if (confidences is not null && record.Confidences!.TryGetValue(rule.From, out var confidence)) confidences[target] = confidence;
            var value = record.Fields.Get(rule.From);
            if (string.IsNullOrWhiteSpace(value)) continue;
            if (rule.Map is not null)
            {
                var key = VietnameseText.Normalize(LegacyTextRepair.Repair(value).Text);
                // An unmapped code passes through unchanged, so the schema (not the mapper) reports it.
                value = rule.Map.TryGetValue(key, out var mapped) ? mapped : key;
            }
            values[target] = value;
        }
        return new SettledResult
        {
            SourceRef = record.SourceRef, Type = mapping.Type, RawType = rawType, Values = values, Method = record.Method, Confidences = confidences,
        };
    }

    /// <summary>Agency and manifest defaults; with <paramref name="fields"/> also the envelope facts the ledger can still use.</summary>
    private Dictionary<string, string?> Defaults(IRecordFields? fields)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [EnvelopeFields.AgencyCode] = _manifest.Agency.Code,
            [EnvelopeFields.AgencyName] = _manifest.Agency.Name,
            [EnvelopeFields.AgencyLevel] = _manifest.Agency.Level,
        };
        foreach (var (k, v) in _manifest.Defaults) values[k] = v;
        if (fields is not null)
        {
            // An unknown type has no mapping of its own; any mapping's envelope paths still place it in the report.
            foreach (var paths in _byType.Values)
            {
                foreach (var (target, rule) in paths.Paths)
                {
                    if (EnvelopeFields.All.Contains(target) && fields.Get(rule.From) is { Length: > 0 } v) values[target] = v;
                }
            }
        }
        return values;
    }
}
