using System.Text;

namespace DataHub.Pipeline.Sync;

/// <summary>
/// Picks the random review sample deterministically from the record's name, so a re-run picks the same
/// records (no record flips between published and pending on a retry).
/// </summary>
public static class ReviewSample
{
    public static bool Selects(string sourceRef, double rate)
    {
        if (rate <= 0) return false;
        if (rate >= 1) return true;
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(sourceRef));
        var value = BitConverter.ToUInt32(hash, 0) / (double)uint.MaxValue;
        return value < rate;
    }
}
