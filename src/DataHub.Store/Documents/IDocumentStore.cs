using DataHub.Core.Documents;

namespace DataHub.Store.Documents;

/// <summary>
/// The reusable-document store: the source of truth for published documents. The catalog can be rebuilt
/// from it alone (<c>datahub reindex</c>).
///
/// Logical layout, the same for every backend:
/// <code>
/// documents/{documentId}/v{version}.json      immutable normalized document version
/// documents/{documentId}/current              the current version number, as ASCII text; written once a
///                                              document has a second version (absent = the highest version)
/// documents/{documentId}/files/{name}         originals beside the document (scan, OCR text)
/// </code>
/// A backend may shard physically (the filesystem store puts a two-character prefix folder in front);
/// names passed in and returned are always the logical ones above.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Writes an immutable version. Idempotent: writing the same bytes again is a no-op and returns
    /// <see cref="VersionWrite.AlreadyPresent"/>; different bytes under an existing version is a
    /// conflict (<see cref="DocumentStoreException"/>), because versions are never overwritten.
    /// </summary>
    ValueTask<VersionWrite> PutVersionAsync(DocumentId id, int version, ReadOnlyMemory<byte> content, CancellationToken ct = default);

    /// <summary>Points <c>current</c> at <paramref name="version"/> (replacing any previous pointer).</summary>
    ValueTask SetCurrentAsync(DocumentId id, int version, CancellationToken ct = default);

    /// <summary>The pointer's version, or the highest stored version when there is no pointer; null if none.</summary>
    ValueTask<int?> GetCurrentAsync(DocumentId id, CancellationToken ct = default);

    ValueTask<byte[]?> GetVersionAsync(DocumentId id, int version, CancellationToken ct = default);

    /// <summary>Stores a file beside the document (original scan, OCR text). Name: [a-z0-9._-]+, no paths.</summary>
    ValueTask PutFileAsync(DocumentId id, string name, Stream content, CancellationToken ct = default);

    ValueTask<Stream?> OpenFileAsync(DocumentId id, string name, CancellationToken ct = default);

    /// <summary>Every stored document with its versions and current pointer, for catalog rebuilds.</summary>
    IAsyncEnumerable<StoredDocument> ListAsync(CancellationToken ct = default);

    /// <summary>Makes everything written so far durable. Called once per batch before checkpoints advance.</summary>
    ValueTask FlushAsync(CancellationToken ct = default);
}
