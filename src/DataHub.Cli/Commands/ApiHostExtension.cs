using DataHub.Api;
using DataHub.Pipeline.Hosting;
using DataHub.Pipeline.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataHub.Cli.Commands;

/// <summary>
/// Hosts the lookup/report API inside <c>datahub run</c> when <c>Api:Enabled</c> is true, on <c>Api:Urls</c>
/// (default http://127.0.0.1:5080): started after the scheduler's services, stopped with the daemon.
/// </summary>
internal sealed class ApiHostExtension : IDataHubHostExtension
{
    public string Name => "api";

    public bool IsEnabled(IConfiguration configuration) => configuration.GetValue("Api:Enabled", false);

    public void Configure(IHostApplicationBuilder builder) =>
        builder.Services.AddHostedService(sp => new ApiHostedService(builder.Configuration, sp.GetRequiredService<DataHubPaths>()));

    private sealed class ApiHostedService(IConfiguration configuration, DataHubPaths paths) : IHostedService
    {
        private WebApplication? _app;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var urls = (configuration["Api:Urls"] ?? "http://127.0.0.1:5080").Split(';', StringSplitOptions.RemoveEmptyEntries);
            _app = ApiApplication.Build(configuration, paths, urls);
            await _app.StartAsync(cancellationToken);
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            if (_app is null) return;
            await _app.StopAsync(cancellationToken);
            await _app.DisposeAsync();
        }
    }
}
