using DataHub.Store.Documents;

namespace DataHub.Store.AzureBlob;

/// <summary>
/// An Azure Storage connection string, in the format the Azure portal and SDKs use
/// (<c>DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…;BlobEndpoint=…;</c>,
/// <c>BlobEndpoint=…;SharedAccessSignature=…</c> or <c>UseDevelopmentStorage=true</c>).
/// Exactly one credential is kept: the account key (Shared Key) or a SAS token.
/// </summary>
public sealed class BlobConnectionString
{
    public const string DevelopmentAccountName = "devstoreaccount1";

    // Microsoft's published key of the storage emulator; it only opens a local emulator.
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private BlobConnectionString(string accountName, Uri blobEndpoint, byte[]? accountKey, string? sasToken)
    {
        AccountName = accountName;
        BlobEndpoint = blobEndpoint;
        AccountKey = accountKey;
        SasToken = sasToken;
    }

    public string AccountName { get; }

    /// <summary>The blob service root, without a trailing slash (path-style for Azurite: <c>http://127.0.0.1:10000/devstoreaccount1</c>).</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The decoded account key when the string carries one.</summary>
    public byte[]? AccountKey { get; }

    /// <summary>The SAS query (without the leading '?') when the string carries one.</summary>
    public string? SasToken { get; }

    public static BlobConnectionString Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = segment.IndexOf('=');
            if (eq <= 0) throw Invalid($"'{Redact(segment)}' is not a Key=Value pair");
            // Only the first '=' separates: account keys end in '=' and SAS tokens contain many.
            parts[segment[..eq].Trim()] = segment[(eq + 1)..].Trim();
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && dev.Equals("true", StringComparison.OrdinalIgnoreCase))
            return new BlobConnectionString(DevelopmentAccountName, new Uri($"http://127.0.0.1:10000/{DevelopmentAccountName}"),
                Convert.FromBase64String(DevelopmentAccountKey), null);

        parts.TryGetValue("SharedAccessSignature", out var sas);
        sas = string.IsNullOrEmpty(sas) ? null : sas.TrimStart('?');
        byte[]? key = null;
        if (parts.TryGetValue("AccountKey", out var keyText) && keyText.Length > 0)
        {
            key = new byte[keyText.Length];
            if (!Convert.TryFromBase64String(keyText, key, out var written)) throw Invalid("AccountKey is not valid base64");
            key = key[..written];
        }
        if (key is null && sas is null) throw Invalid("it has neither AccountKey nor SharedAccessSignature");

        var endpoint = EndpointOf(parts);
        parts.TryGetValue("AccountName", out var account);
        if (string.IsNullOrEmpty(account))
        {
            // A SAS-only string may omit AccountName; the endpoint still names the account.
            if (key is not null) throw Invalid("AccountKey needs AccountName");
            account = AccountFromEndpoint(endpoint);
        }
        return new BlobConnectionString(account, endpoint, key, sas);
    }

    private static Uri EndpointOf(Dictionary<string, string> parts)
    {
        if (parts.TryGetValue("BlobEndpoint", out var explicitEndpoint) && explicitEndpoint.Length > 0)
        {
            if (!Uri.TryCreate(explicitEndpoint.TrimEnd('/'), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw Invalid($"BlobEndpoint '{explicitEndpoint}' is not an absolute http(s) URL");
            return uri;
        }
        if (!parts.TryGetValue("AccountName", out var account) || account.Length == 0)
            throw Invalid("it has neither BlobEndpoint nor AccountName");
        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return new Uri($"{protocol}://{account}.blob.{suffix}");
    }

    private static string AccountFromEndpoint(Uri endpoint)
    {
        var path = endpoint.AbsolutePath.Trim('/');
        if (path.Length > 0) return path.Split('/')[0];
        var host = endpoint.Host;
        var dot = host.IndexOf('.');
        return dot > 0 ? host[..dot] : host;
    }

    private static string Redact(string segment)
    {
        var eq = segment.IndexOf('=');
        return eq > 0 ? segment[..eq] + "=…" : "…";
    }

    private static DocumentStoreException Invalid(string why) => new($"invalid blob storage connection string: {why}");

    /// <summary>Never prints the key or the signature.</summary>
    public override string ToString() => $"{BlobEndpoint} (account {AccountName}, {(AccountKey is not null ? "shared key" : "SAS")})";
}
