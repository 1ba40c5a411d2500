using System.Text;
namespace DataHub.Core.Text;
// Placeholder until the text branch lands.
public static class VietnameseText
{
    public static string Normalize(string? s) => string.Join(' ', (s ?? "").Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
