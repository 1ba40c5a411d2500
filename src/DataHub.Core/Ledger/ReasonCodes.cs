namespace DataHub.Core.Ledger;

/// <summary>
/// Short, stable codes for why a record is not published, so the auditor report can group reasons
/// while the ledger keeps the full sentence. The first matching rule wins; the rules read the reason
/// texts the normalizer and sources write, and live here only.
/// </summary>
public static class ReasonCodes
{
    private static readonly (string Code, string[] Needles)[] Rules =
    [
        ("rejected-in-review", ["rejected in review"]),
        ("identity-mismatch", ["identity mismatch"]),
        ("ocr-low-confidence", ["OCR confidence below"]),
        ("ocr-sample-check", ["random sample"]),
        ("ocr-unreadable", ["OCR:"]),
        ("malformed-record", ["broken JSON", "broken XML", "truncated or broken row", "fields but the header has", "stray quote", "is a JSON"]),
        ("unknown-document-type", ["unknown document type"]),
        ("duplicate-result-number", ["duplicate result number"]),
        ("path-like-id", ["looks like a file path"]),
        ("too-long", ["characters long"]),
        ("invalid-citizen-id", ["citizen ID", "legacy ID card"]),
        ("future-date", ["in the future"]),
        ("impossible-date", ["not a calendar date", "is before"]),
        ("missing-field", ["required field is missing", "no citizen ID"]),
        ("legacy-text", ["not valid Vietnamese"]),
        ("invalid-value", ["is not a", "is not province", "is neither valid nor revoked", "not a whole number"]),
        ("schema", ["schema "]),
    ];

    public static string Classify(string? reason)
    {
        if (string.IsNullOrEmpty(reason)) return "other";
        foreach (var (code, needles) in Rules)
        {
            foreach (var needle in needles)
            {
                if (reason.Contains(needle, StringComparison.Ordinal)) return code;
            }
        }
        return "other";
    }
}
