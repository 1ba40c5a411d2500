namespace DataHub.Connectors.Manifests;

/// <summary>When the connector runs (Quartz cron, with seconds), in the province's time zone.</summary>
public sealed record ScheduleSpec
{
    public string Cron { get; init; } = "0 0 1 * * ?";
    public string TimeZone { get; init; } = "Asia/Ho_Chi_Minh";
}
