namespace DataHub.Store.Catalog;

/// <summary>
/// A <see cref="SqliteRawStatement"/>'s current row as a <see cref="ICatalogRow"/>. A struct, so the generic row
/// mapping is compiled for it with direct (inlinable) calls: through the class itself every column was an
/// interface call in shared generic code, and the hot lookup lost a fifth of what the statement had gained.
/// </summary>
internal readonly struct StatementRow(SqliteRawStatement statement) : ICatalogRow
{
    public bool IsNull(int column) => statement.IsNull(column);

    public long Int64(int column) => statement.Int64(column);

    public string Text(int column) => statement.Text(column);
}
