namespace DataHub.Store.Audit;

/// <summary>
/// Reuse of one report group: how many of its digitized results were served to one-stop software at
/// least once, and how many times documents of the group were served in all.
/// </summary>
public sealed record ReuseCount(string Group, long ReusedDocuments, long Servings);
