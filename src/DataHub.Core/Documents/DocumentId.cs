using System.Security.Cryptography;
using System.Text;

namespace DataHub.Core.Documents;

/// <summary>
/// A document's identity, stable across runs: derived from the issuing agency, the document type and the
/// agency's own result number. It is a hash, so hostile result numbers ("../x", "/", "\\") can never reach
/// a path or blob name; it is 26 lowercase base32 characters, safe in URLs, file names and blob names.
/// </summary>
public readonly record struct DocumentId
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public string Value { get; }

    private DocumentId(string value) => Value = value;

    public static DocumentId Derive(string issuingAgency, DocumentType type, string resultNumber)
    {
        // NFC + trim so that the same number typed in two normal forms is the same document.
        var key = string.Join('\u001f', issuingAgency.Trim().Normalize(NormalizationForm.FormC).ToUpperInvariant(), type.Slug,
            resultNumber.Trim().Normalize(NormalizationForm.FormC));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        Span<char> chars = stackalloc char[26];
        var bits = 0; var buffer = 0; var n = 0;
        for (var i = 0; n < 26; i++)
        {
            buffer = (buffer << 8) | hash[i];
            bits += 8;
            while (bits >= 5 && n < 26)
            {
                chars[n++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        return new DocumentId(new string(chars));
    }

    /// <summary>Accepts only the exact shape Derive produces; anything else (paths included) is refused.</summary>
    public static bool TryParse(string? raw, out DocumentId id)
    {
        id = default;
        if (raw is null || raw.Length != 26) return false;
        foreach (var c in raw) if (!Alphabet.Contains(c)) return false;
        id = new DocumentId(raw);
        return true;
    }

    public override string ToString() => Value;
}
