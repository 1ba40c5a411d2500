using DataHub.AgencySimulator;

namespace DataHub.Connectors.Tests;

/// <summary>Starts the agency simulator in-process on a free loopback port, serving the repository's samples.</summary>
public static class Simulators
{
    public static Task<AgencySimulatorServer> StartAsync(Func<SimulatorOptions, SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { Url = "http://127.0.0.1:0", SamplesFolder = RepoPaths.Samples, RetryAfterSeconds = 1, HangSeconds = 5 };
        return AgencySimulatorServer.StartAsync(configure is null ? options : configure(options));
    }

    public const string CivilStatus = "quang-nam-civil-status-api";
    public const string Business = "quang-nam-business-registration-api";
    public const string Land = "quang-nam-land-registry-soap";
    public static readonly string[] All = [CivilStatus, Business, Land];
}
