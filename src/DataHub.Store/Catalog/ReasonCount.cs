namespace DataHub.Store.Catalog;

/// <summary>How many results a reason code keeps out of the store (quarantined or pending review).</summary>
public sealed record ReasonCount(string State, string ReasonCode, long Results);
