namespace DataHub.Store.Catalog;

/// <summary>
/// The current row of a catalog query, however it is read: a statement on the SQLite handle (the hot
/// lookup) or an ADO.NET data reader (every other query, and PostgreSQL). Rows become domain records in
/// one place whichever way they came.
/// </summary>
internal interface ICatalogRow
{
    bool IsNull(int column);

    long Int64(int column);

    string Text(int column);
}
