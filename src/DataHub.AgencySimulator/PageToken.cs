using System.Text;

namespace DataHub.AgencySimulator;

/// <summary>The civil-status API's opaque page token: a keyset (update time, id), so pages stay right while records change.</summary>
public static class PageToken
{
    public static string Encode(SimulatedRecord last) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{last.UpdatedAt}\n{last.Id}"));

    public static (string Cursor, string Id)? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('\n');
            return parts.Length == 2 ? (parts[0], parts[1]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
