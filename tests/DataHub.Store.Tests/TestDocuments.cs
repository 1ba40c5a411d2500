using System.Text;
using DataHub.Core.Documents;

namespace DataHub.Store.Tests;

internal static class TestDocuments
{
    /// <summary>An id no other test uses.</summary>
    public static DocumentId NewId() => DocumentId.Derive("TEST", DocumentType.BirthCertificate, Guid.NewGuid().ToString("N"));

    public static byte[] Json(DocumentId id, int version, string extra = "") =>
        Encoding.UTF8.GetBytes($$"""{"documentId":"{{id}}","version":{{version}},"holder":"Trần Thị Ánh Tuyết"{{extra}}}""");
}
