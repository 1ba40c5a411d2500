using System.Data.Common;
using System.Globalization;

namespace DataHub.Store.Catalog;

/// <summary>An ADO.NET reader as a <see cref="ICatalogRow"/>; whole numbers widened, whatever size the database returns.</summary>
internal readonly struct DataReaderRow(DbDataReader reader) : ICatalogRow
{
    public bool IsNull(int column) => reader.IsDBNull(column);

    public long Int64(int column) => Convert.ToInt64(reader.GetValue(column), CultureInfo.InvariantCulture);

    public string Text(int column) => reader.GetString(column);
}
