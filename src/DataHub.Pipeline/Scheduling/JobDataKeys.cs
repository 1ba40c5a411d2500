namespace DataHub.Pipeline.Scheduling;

/// <summary>Names of the job data the DataHub jobs read (stored as strings, readable in the job store).</summary>
public static class JobDataKeys
{
    public const string Connector = "connector";
    /// <summary>What started the firing, for the run history: schedule (default), trigger, backfill.</summary>
    public const string Kind = "kind";
    public const string PartitionIndex = "partitionIndex";
    public const string PartitionCount = "partitionCount";
}
