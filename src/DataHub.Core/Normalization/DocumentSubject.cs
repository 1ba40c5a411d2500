namespace DataHub.Core.Normalization;

/// <summary>A citizen a document is filed under, and in which role (registrant, owner, husband, …).</summary>
public sealed record DocumentSubject(string CitizenId, string Role);
