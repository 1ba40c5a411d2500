using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DataHub.Core.Dates;
using DataHub.Core.Documents;
using DataHub.Core.Identity;
using DataHub.Core.Schemas;
using DataHub.Core.Text;
using DataHub.Core.Json;

namespace DataHub.Core.Normalization;

/// <summary>
/// The domain rules between "a source said this" and "this is a reusable document": normalize every
/// field by its schema kind, check identities and dates against each other, validate against the
/// shared schema, and produce canonical JSON. Pure and thread-safe: the pipeline runs it in parallel.
/// </summary>
public sealed class ResultNormalizer(SchemaRegistry schemas, NormalizerOptions options)
{
    private static readonly string[] Levels = ["province", "district", "commune"];

    /// <summary>Roles whose sex the document itself implies, for the ID's sex digit check.</summary>
    private static readonly Dictionary<string, Sex> ImpliedSex = new(StringComparer.Ordinal)
    {
        ["husband"] = Sex.Male, ["wife"] = Sex.Female, ["father"] = Sex.Male, ["mother"] = Sex.Female,
    };

    /// <summary>The schema field names of a type (what a clerk may correct).</summary>
    public IReadOnlyList<string> FieldsOf(DocumentType type) => schemas.Find(type)?.Fields.Select(f => f.Name).ToList() ?? [];

    public NormalizationOutcome Normalize(SettledResult result)
    {
        var today = options.Today;
        var facts = ReadFacts(result);
        if (result.MalformedReason is { } malformed) return NormalizationOutcome.Quarantine(facts, malformed);
        if (result.Type is null) return NormalizationOutcome.Quarantine(facts, $"unknown document type '{FieldValueParser.Shorten(result.RawType ?? "")}'");
        if (schemas.Find(result.Type) is not { } schema) return NormalizationOutcome.Quarantine(facts, $"no schema loaded for document type {result.Type.Slug}");

        var errors = new List<string>();
        var repairs = new List<string>();

        var resultNumber = Required(result, EnvelopeFields.ResultNumber, errors);
        if (resultNumber is not null && ResultNumberProblem(resultNumber) is { } numberProblem) errors.Add($"{EnvelopeFields.ResultNumber}: {numberProblem}");
        var agencyCode = Required(result, EnvelopeFields.AgencyCode, errors)?.ToUpperInvariant();
        var agencyName = Required(result, EnvelopeFields.AgencyName, errors);
        var level = Required(result, EnvelopeFields.AgencyLevel, errors)?.ToLowerInvariant();
        if (level is not null && !Levels.Contains(level)) errors.Add($"{EnvelopeFields.AgencyLevel}: '{level}' is not province, district or commune");
        var issueDate = ParseDate(result, EnvelopeFields.IssueDate, required: true, errors);
        var validUntil = ParseDate(result, EnvelopeFields.ValidUntil, required: false, errors, allowFuture: true);
        var status = ParseStatus(result.Get(EnvelopeFields.Status), errors);

        // The fields as the document will carry them, in schema order; also what the checks below look values up in.
        var fields = new CanonicalObject(schema.Fields.Count);
        foreach (var spec in schema.Fields)
        {
            var raw = result.Get(spec.Name);
            if (string.IsNullOrWhiteSpace(raw))
            {
                if (spec.Required) errors.Add($"{spec.Name}: required field is missing");
                continue;
            }
            if (raw.Length > options.MaxFieldLength || (spec.MaxLength is { } max && raw.Length > max * 4))
            {
                errors.Add($"{spec.Name}: value is {raw.Length} characters long (at most {spec.MaxLength ?? options.MaxFieldLength} allowed)");
                continue;
            }
            var value = FieldValueParser.Parse(spec.Kind, raw, today, out var reason, out var repairedFrom);
            if (reason is not null) { errors.Add($"{spec.Name}: {reason}"); continue; }
            if (repairedFrom != LegacyEncoding.None) repairs.Add($"{spec.Name}: repaired from {repairedFrom}");
            fields[spec.Name] = value;
        }
        if (errors.Count > 0) return NormalizationOutcome.Quarantine(facts, string.Join("; ", errors));

        // Dates against each other: nothing is issued before the people it names were born.
        foreach (var (name, value) in fields)
        {
            if (value is string text && (name == "dateOfBirth" || name.EndsWith("DateOfBirth", StringComparison.Ordinal))
                && DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) is var birth && birth > issueDate!.Value)
                errors.Add($"{EnvelopeFields.IssueDate}: {issueDate:yyyy-MM-dd} is before {name} {birth:yyyy-MM-dd}");
        }
        if (errors.Count > 0) return NormalizationOutcome.Quarantine(facts, string.Join("; ", errors));

        var subjects = new List<DocumentSubject>();
        var identityProblems = new List<string>();
        foreach (var spec in schema.Fields)
        {
            if (spec.SubjectRole is null || fields[spec.Name] is not string citizenId) continue;
            if (Contains(subjects, citizenId, spec.SubjectRole)) continue;
            subjects.Add(new DocumentSubject(citizenId, spec.SubjectRole));
            var id = CitizenId.From(citizenId, today);
            var prefix = spec.Name[..^"CitizenId".Length];
            var birthName = prefix.Length == 0 ? "dateOfBirth" : prefix + "DateOfBirth";
            var sexName = prefix.Length == 0 ? "sex" : prefix + "Sex";
            DateOnly? birth = fields[birthName] is string b ? DateOnly.ParseExact(b, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            Sex? sex = fields[sexName] is string s ? (s == "male" ? Sex.Male : Sex.Female) : ImpliedSex.TryGetValue(spec.SubjectRole, out var implied) ? implied : null;
            if (id.CheckConsistency(birth, sex) is { } mismatch) identityProblems.Add($"{spec.Name}: identity mismatch: {mismatch}");
        }

        // Member order is part of the canonical bytes (and so of every content hash): keep it.
        var document = new CanonicalObject
        {
            ["documentType"] = result.Type.Slug,
            ["resultNumber"] = resultNumber,
            ["issuingAgency"] = new CanonicalObject(3) { ["code"] = agencyCode, ["name"] = agencyName, ["level"] = level },
            ["issueDate"] = issueDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["validity"] = validUntil is { } until
                ? new CanonicalObject(2) { ["status"] = status, ["validUntil"] = until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
                : new CanonicalObject(1) { ["status"] = status },
        };
        var procedure = new CanonicalObject(3);
        AddIfPresent(procedure, "code", result.Get(EnvelopeFields.ProcedureCode));
        AddIfPresent(procedure, "field", result.Get(EnvelopeFields.ProcedureField));
        AddIfPresent(procedure, "dossierCode", result.Get(EnvelopeFields.DossierCode));
        if (procedure.Count > 0) document["procedure"] = procedure;
        var subjectObjects = new CanonicalObject[subjects.Count];
        for (var i = 0; i < subjects.Count; i++) subjectObjects[i] = new CanonicalObject(2) { ["citizenId"] = subjects[i].CitizenId, ["role"] = subjects[i].Role };
        document["subjects"] = subjectObjects;
        document["fields"] = fields;

        if (subjects.Count == 0) return NormalizationOutcome.Quarantine(facts, "no citizen ID to file the document under");
        var schemaErrors = schema.Validate(document);
        if (schemaErrors.Count > 0)
            return NormalizationOutcome.Quarantine(facts, "schema " + schema.FileName + ": " + string.Join("; ", schemaErrors.Take(5).Select(e => $"{e.Path?.TrimStart('#', '/')}: {e.Kind}")));

        var content = CanonicalJsonWriter.ToUtf8(document);
        var normalized = new NormalizedDocument(
            DocumentId.Derive(agencyCode!, result.Type, resultNumber!),
            result.Type,
            content,
            Convert.ToHexStringLower(SHA256.HashData(content)),
            subjects,
            issueDate.Value,
            validUntil,
            status,
            repairs);

        if (identityProblems.Count > 0) return NormalizationOutcome.Review(facts, string.Join("; ", identityProblems), normalized);
        if (result.Method == DigitizationMethod.Ocr && LowConfidence(result) is { } lowConfidence)
            return NormalizationOutcome.Review(facts, lowConfidence, normalized);
        return NormalizationOutcome.Publishable(facts, normalized);
    }

    private string? LowConfidence(SettledResult result)
    {
        if (result.Confidences is null) return null;
        var low = result.Confidences.Where(c => c.Value < options.ReviewConfidenceThreshold).OrderBy(c => c.Value).ToList();
        return low.Count == 0 ? null
            : "OCR confidence below " + options.ReviewConfidenceThreshold.ToString(CultureInfo.InvariantCulture) + ": "
              + string.Join(", ", low.Select(c => $"{c.Key} {c.Value.ToString("0", CultureInfo.InvariantCulture)}"));
    }

    private static ResultFacts ReadFacts(SettledResult result)
    {
        DateOnly? settled = null;
        foreach (var name in new[] { EnvelopeFields.SettledOn, EnvelopeFields.IssueDate })
        {
            if (settled is null && VietnameseDate.TryParse(result.Get(name), out var d, out _)) settled = d;
        }
        return new ResultFacts(
            result.Type?.Slug ?? result.RawType,
            Clip(result.Get(EnvelopeFields.AgencyCode)?.Trim().ToUpperInvariant()),
            Clip(result.Get(EnvelopeFields.AgencyLevel)?.Trim().ToLowerInvariant()),
            Clip(VietnameseText.Normalize(result.Get(EnvelopeFields.ProcedureField))) is { Length: > 0 } f ? f : null,
            settled,
            Clip(result.Get(EnvelopeFields.ResultNumber)?.Trim()));
    }

    // A loop, not Any(lambda): the lambda's closure was allocated for every schema field of every record.
    private static bool Contains(List<DocumentSubject> subjects, string citizenId, string role)
    {
        foreach (var s in subjects)
        {
            if (s.CitizenId == citizenId && s.Role == role) return true;
        }
        return false;
    }

    private static string? Clip(string? s) => s is { Length: > 80 } ? s[..80] : s;

    /// <summary>
    /// Result numbers legitimately contain "/" ("123/2021/QĐ-UBND"), so a slash alone is fine; what is
    /// refused is what only a path would contain. Ids are hashed, so this is about telling the agency, not safety.
    /// </summary>
    public static string? ResultNumberProblem(string number)
    {
        if (number.Contains('\\') || number.StartsWith('/') || number.Split('/').Any(p => p is ".." or "."))
            return $"'{FieldValueParser.Shorten(number)}' looks like a file path, not a result number";
        return number.Length > 60 ? $"is {number.Length} characters long (at most 60 allowed)" : null;
    }

    private static string? Required(SettledResult result, string name, List<string> errors)
    {
        var value = VietnameseText.Normalize(LegacyTextRepair.Repair(result.Get(name)).Text);
        if (value.Length == 0) { errors.Add($"{name}: required field is missing"); return null; }
        return value;
    }

    private DateOnly? ParseDate(SettledResult result, string name, bool required, List<string> errors, bool allowFuture = false)
    {
        var raw = result.Get(name);
        if (string.IsNullOrWhiteSpace(raw))
        {
            if (required) errors.Add($"{name}: required field is missing");
            return null;
        }
        if (!VietnameseDate.TryParse(raw, out var date, out var reason)) { errors.Add($"{name}: {reason}"); return null; }
        if (!allowFuture && date > options.Today) { errors.Add($"{name}: {date:yyyy-MM-dd} is in the future"); return null; }
        return date;
    }

    private static string ParseStatus(string? raw, List<string> errors)
    {
        var s = VietnameseText.Normalize(raw).ToLowerInvariant();
        switch (s)
        {
            case "" or "valid" or "còn hiệu lực" or "hiệu lực" or "active" or "1": return "valid";
            case "revoked" or "thu hồi" or "đã thu hồi" or "hủy" or "0": return "revoked";
            default: errors.Add($"{EnvelopeFields.Status}: '{FieldValueParser.Shorten(s)}' is neither valid nor revoked"); return "valid";
        }
    }

    private static void AddIfPresent(CanonicalObject target, string name, string? raw)
    {
        var value = VietnameseText.Normalize(raw);
        if (value.Length > 0) target[name] = value;
    }
}
