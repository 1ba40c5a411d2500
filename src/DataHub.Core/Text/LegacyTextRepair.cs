namespace DataHub.Core.Text;
// Placeholder until the text branch lands.
public static class LegacyTextRepair
{
    public static RepairResult Repair(string? text) => new(text ?? "", LegacyEncoding.None, false);
    public static bool LooksLikeValidVietnamese(string text) => !text.Contains('\uFFFD');
    public static string EncodeAsTcvn3Mojibake(string unicode) => unicode;
}
