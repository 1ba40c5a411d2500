using System.Data.Common;
using System.Globalization;
using DataHub.Store.Catalog;

namespace DataHub.Store.Clients;

/// <summary>The <c>api_clients</c> table of the catalog (SQLite or PostgreSQL, same SQL).</summary>
public sealed class ApiClientStore(SqlCatalog catalog)
{
    private const string Columns = "name, key_hash, doc_types, rate_per_second, created_at, revoked_at";

    /// <summary>Registers a client and returns its key; the key exists only in this return value.</summary>
    public (ApiClient Client, string Key) Add(string name, IReadOnlyList<string> documentTypes, int ratePerSecond)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("client name is empty");
        if (ratePerSecond < 1) throw new ArgumentException("--rate must be at least 1 request per second");
        var key = ApiKeys.NewKey();
        var client = new ApiClient(name.Trim(), ApiKeys.Hash(key), documentTypes, ratePerSecond, DateTimeOffset.UtcNow, null);
        using var connection = catalog.Open();
        if (Find(connection, "name = @v", client.Name) is not null) throw new ArgumentException($"client '{client.Name}' already exists (revoke it and add a new name to rotate keys)");
        SqlCatalog.Execute(connection, null, $"INSERT INTO api_clients ({Columns}) VALUES (@n, @h, @t, @r, @c, NULL)",
            ("@n", client.Name), ("@h", client.KeyHash), ("@t", string.Join(',', documentTypes)), ("@r", ratePerSecond), ("@c", Time(client.CreatedAt)));
        return (client, key);
    }

    public IReadOnlyList<ApiClient> List()
    {
        using var connection = catalog.Open();
        using var command = SqlCatalog.Command(connection, null, $"SELECT {Columns} FROM api_clients ORDER BY name");
        return Read(command);
    }

    /// <returns>false when there is no such client.</returns>
    public bool Revoke(string name)
    {
        using var connection = catalog.Open();
        return SqlCatalog.Execute(connection, null, "UPDATE api_clients SET revoked_at = COALESCE(revoked_at, @t) WHERE name = @n",
            ("@t", Time(DateTimeOffset.UtcNow)), ("@n", name)) > 0;
    }

    /// <summary>The client a presented key belongs to (revoked ones included, so callers can say why it fails).</summary>
    public ApiClient? FindByKey(string key) => FindByKeyHash(ApiKeys.Hash(key));

    public ApiClient? FindByKeyHash(string keyHash)
    {
        using var connection = catalog.Open();
        return Find(connection, "key_hash = @v", keyHash);
    }

    private static ApiClient? Find(DbConnection connection, string where, string value)
    {
        using var command = SqlCatalog.Command(connection, null, $"SELECT {Columns} FROM api_clients WHERE {where}", ("@v", value));
        return Read(command).SingleOrDefault();
    }

    private static List<ApiClient> Read(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        var clients = new List<ApiClient>();
        while (reader.Read())
        {
            clients.Add(new ApiClient(reader.GetString(0), reader.GetString(1),
                reader.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries), Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture),
                Parse(reader.GetString(4)), reader.IsDBNull(5) ? null : Parse(reader.GetString(5))));
        }
        return clients;
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
