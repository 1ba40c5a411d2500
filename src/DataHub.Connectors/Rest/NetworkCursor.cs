using System.Text.Json;

namespace DataHub.Connectors.Rest;

/// <summary>
/// Resume point of a network source: the cursor value and id of the last record of the last durable
/// batch. Not a page token: tokens expire and shift, a (value, id) pair means the same thing tomorrow.
/// </summary>
public sealed record NetworkCursor(string Since, string? Id)
{
    public static NetworkCursor? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            var since = doc.RootElement.TryGetProperty("since", out var s) ? s.GetString() ?? "" : "";
            var id = doc.RootElement.TryGetProperty("id", out var i) ? i.GetString() : null;
            return new NetworkCursor(since, id);
        }
        catch (JsonException)
        {
            // A checkpoint from another kind (the connector was switched from a file drop): start over, idempotently.
            return null;
        }
    }

    public string Serialize() => JsonSerializer.Serialize(new Dictionary<string, string?> { ["since"] = Since, ["id"] = Id });

    /// <summary>Order of (cursor, id) pairs: cursor values as instants when both parse, else ordinal; then id ordinal.</summary>
    public static int Compare(string cursorA, string? idA, string cursorB, string? idB)
    {
        var byCursor = CompareCursor(cursorA, cursorB);
        if (byCursor != 0) return byCursor;
        if (idA is null) return idB is null ? 0 : -1;
        return idB is null ? 1 : string.CompareOrdinal(idA, idB);
    }

    public static int CompareCursor(string a, string b)
    {
        if (a == b) return 0;
        if (DateTimeOffset.TryParse(a, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var x)
            && DateTimeOffset.TryParse(b, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var y))
        {
            var c = x.UtcTicks.CompareTo(y.UtcTicks);
            if (c != 0) return c;
        }
        return string.CompareOrdinal(a, b);
    }
}
