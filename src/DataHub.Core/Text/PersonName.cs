using System.Globalization;
namespace DataHub.Core.Text;
// Placeholder until the text branch lands.
public static class PersonName
{
    public static string Normalize(string? s) => string.Join(' ', VietnameseText.Normalize(s).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
}
