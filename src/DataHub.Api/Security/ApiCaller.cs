using DataHub.Store.Clients;

namespace DataHub.Api.Security;

/// <summary>The authenticated client of the current request (an HttpContext feature), with the purpose it declared.</summary>
public sealed record ApiCaller(ApiClient Client, string? Purpose)
{
    public const string KeyHeader = "X-Api-Key";
    public const string PurposeHeader = "X-Purpose";
}
