namespace DataHub.Api.Bench;

/// <summary>Knobs of <c>datahub bench api</c>; defaults are the targets (1 M documents, 1,000 req/s).</summary>
public sealed record ApiBenchmarkOptions
{
    public required string DataFolder { get; init; }
    public int Documents { get; init; } = 1_000_000;
    public int Connections { get; init; } = 16;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);
    public int FixedRate { get; init; } = 1000;
    public int Port { get; init; } = 5099;
}
