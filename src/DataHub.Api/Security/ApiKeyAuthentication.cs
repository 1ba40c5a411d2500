using Microsoft.AspNetCore.Http;

namespace DataHub.Api.Security;

/// <summary>
/// Every <c>/v1</c> call needs a live key in <c>X-Api-Key</c>: missing, unknown or revoked keys are 401
/// problems before any endpoint runs. Keys are checked through <see cref="ApiClientCache"/> (re-read from
/// the catalog at most once a second by default, <c>Api:KeyCacheSeconds</c>).
/// </summary>
public sealed class ApiKeyAuthentication(RequestDelegate next, ApiClientCache clients)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/v1"))
        {
            await next(context);
            return;
        }
        var key = context.Request.Headers[ApiCaller.KeyHeader].ToString();
        if (key.Length == 0)
        {
            await Unauthorized(context, $"the {ApiCaller.KeyHeader} header is missing; every call needs the API key issued with 'datahub clients add'");
            return;
        }
        var client = key.Length > 200 ? null : clients.Find(key);
        if (client is null)
        {
            await Unauthorized(context, $"the {ApiCaller.KeyHeader} header does not hold a known API key");
            return;
        }
        if (client.IsRevoked)
        {
            await Unauthorized(context, $"the API key of client '{client.Name}' was revoked on {client.RevokedAt:yyyy-MM-dd}");
            return;
        }
        // Header values are ASCII: a Vietnamese purpose arrives percent-encoded (UTF-8) and is logged decoded.
        var purpose = Uri.UnescapeDataString(context.Request.Headers[ApiCaller.PurposeHeader].ToString());
        context.Features.Set(new ApiCaller(client, purpose.Length == 0 ? null : purpose[..Math.Min(purpose.Length, 200)]));
        await next(context);
    }

    private static Task Unauthorized(HttpContext context, string detail)
    {
        context.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
        return Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized").ExecuteAsync(context);
    }
}
