using System.Text.Encodings.Web;
using DataHub.Api.Audit;
using DataHub.Api.Endpoints;
using DataHub.Api.Health;
using DataHub.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using DataHub.Store.Catalog;
using DataHub.Store.Clients;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Api;

/// <summary>
/// The API as three composable pieces, so any host can carry it: <see cref="AddDataHubApi"/> (services),
/// <see cref="UseDataHubApi"/> (problem details, API keys, rate limits) and <see cref="MapDataHubApi"/>
/// (endpoints). <c>datahub serve</c> uses them through <see cref="ApiApplication.Build"/>; the scheduler
/// daemon can call the same three on its own WebApplication. Other rooms add readiness checks with
/// <c>services.AddHealthChecks().AddCheck&lt;T&gt;(name)</c>; <c>/healthz</c> reports every registered check.
/// </summary>
public static class DataHubApi
{
    public static IServiceCollection AddDataHubApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        services.AddSingleton<AccessLogWriter>();
        services.AddSingleton(sp => new ApiClientCache(sp.GetRequiredService<ApiClientStore>(),
            TimeSpan.FromSeconds(sp.GetRequiredService<IConfiguration>().GetValue("Api:KeyCacheSeconds", 1.0))));
        services.AddRateLimiter(ClientRateLimits.Configure);
        services.AddHealthChecks()
            .AddCheck<CatalogHealthCheck>("catalog")
            .AddCheck<DocumentStoreHealthCheck>("store");
        services.AddOpenApi();
        return services;
    }

    public static WebApplication UseDataHubApi(this WebApplication app)
    {
        // Created now, not at the first logged request: its mover starts by moving what journals a killed server left.
        app.Services.GetRequiredService<AccessLogWriter>();
        // Lookups read a snapshot of the catalog up to this old (20 ms by default) instead of taking SQLite's WAL locks
        // for each one: a sync's documents appear that much later, and a lookup costs less of its search.
        app.Services.GetRequiredService<SqlCatalog>().LookupSnapshotWindow =
            TimeSpan.FromMilliseconds(app.Configuration.GetValue("Api:LookupSnapshotMilliseconds", 20.0));
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<ApiKeyAuthentication>();
        app.UseRateLimiter();
        return app;
    }

    public static IEndpointRouteBuilder MapDataHubApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponse.Write });

        var v1 = endpoints.MapGroup("").WithTags("v1");
        v1.MapGet(CitizenDocumentsEndpoint.Route, CitizenDocumentsEndpoint.Handle)
            .WithName("CitizenDocuments").WithSummary("Reusable documents of a citizen (within the client's scope)")
            .Produces<CitizenDocumentsResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(429);
        v1.MapGet(DocumentEndpoints.Route, DocumentEndpoints.Get)
            .WithName("Document").WithSummary("One normalized document with provenance and version history")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        v1.MapGet(DocumentEndpoints.OriginalRoute, DocumentEndpoints.GetOriginal)
            .WithName("DocumentOriginal").WithSummary("The original scan or PDF kept beside a document")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        v1.MapGet(ReportEndpoints.Route, ReportEndpoints.Get)
            .WithName("DigitizationReport").WithSummary("Auditors' digitization figures (json, csv or html)").ProducesProblem(400);
        v1.MapGet(ReportEndpoints.Route + "/records", ReportEndpoints.GetRecords)
            .WithName("DigitizationRecords").WithSummary("Drill-down: the ledger records behind a report figure").ProducesProblem(400);
        // Same authentication and rate limiting as the lookups, no data access: the benchmark's baseline.
        v1.MapGet("/v1/ping", () => Results.Ok(new { status = "ok" })).WithName("Ping").WithSummary("Checks a key; touches no data");
        return endpoints;
    }
}
