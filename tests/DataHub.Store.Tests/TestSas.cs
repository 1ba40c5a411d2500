using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DataHub.Store.Tests;

/// <summary>Signs an account SAS the way the Azure portal does, so SAS authorization can be tested end to end.</summary>
internal static class TestSas
{
    public static string AccountSas(string account, byte[] key, string permissions, DateTimeOffset expiry, string version = "2021-08-06")
    {
        var se = expiry.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        const string services = "b", resourceTypes = "sco", protocol = "https,http";
        // Account SAS string-to-sign for sv >= 2020-12-06 (the trailing empty line is the encryption scope).
        var stringToSign = string.Join('\n', account, permissions, services, resourceTypes, "", se, "", protocol, version, "", "");
        var sig = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return $"sv={version}&ss={services}&srt={resourceTypes}&sp={permissions}&se={Uri.EscapeDataString(se)}&spr={Uri.EscapeDataString(protocol)}&sig={Uri.EscapeDataString(sig)}";
    }
}
