namespace DataHub.Connectors.Manifests;

/// <summary>The agency a connector pulls from: its electronic ID (QCVN 102:2016), name and administrative level.</summary>
public sealed record AgencyInfo(string Code, string Name, string Level);
