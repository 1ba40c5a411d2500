using DataHub.Core.Documents;

namespace DataHub.Store.Documents;

/// <summary>What the store holds for one document: its versions (ascending) and the current pointer.</summary>
public sealed record StoredDocument(DocumentId Id, IReadOnlyList<int> Versions, int? Current, IReadOnlyList<string> Files);
