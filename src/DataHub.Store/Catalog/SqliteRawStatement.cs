using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DataHub.Store.Catalog;

/// <summary>
/// One SQLite statement prepared straight on a connection's handle, for the rows a sync writes by the
/// million (ledger entries, staged versions and subjects). Through ADO.NET each execution created a
/// parameter binder per value, a data reader and a statement iterator, and looked every parameter up by
/// name — a tenth of a sync's allocations. Runs inside whatever transaction the connection has open.
/// Parameters are positional (1-based, as SQLite numbers them; a name used twice is one parameter).
/// Also the citizen lookup's query (<see cref="PreparedQueryPool"/>): rows read column by column, with
/// none of ADO.NET's reader, type checks and handle reference counting per value.
/// </summary>
internal sealed class SqliteRawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteRawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public SqliteRawStatement Bind(int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, index));
            return this;
        }
        // ASCII text (ids, codes, hashes, times: most of what is bound) as UTF-8 bytes, which SQLite stores as they
        // are; UTF-16 it converts on every step. Anything else, and "", as UTF-16 exactly as before.
        if (value.Length is > 0 and <= MaxStackBytes)
        {
            Span<byte> ascii = stackalloc byte[value.Length];
            if (Ascii.FromUtf16(value, ascii, out var written) == OperationStatus.Done)
            {
                Check(raw.sqlite3_bind_text(_statement, index, ascii[..written]));
                return this;
            }
        }
        Check(raw.sqlite3_bind_text16(_statement, index, value));
        return this;
    }

    private const int MaxStackBytes = 512;

    public SqliteRawStatement Bind(int index, long? value)
    {
        Check(value is { } v ? raw.sqlite3_bind_int64(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));
        return this;
    }

    /// <summary>Runs the statement; the first column of its first row (a RETURNING clause), or null.</summary>
    public long? Execute()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_ROW) return raw.sqlite3_column_int64(_statement, 0);
            if (rc != raw.SQLITE_DONE) Check(rc);
            return null;
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Moves to the next row of a query: false once there is none. Call <see cref="Reset"/> when done.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc != raw.SQLITE_DONE) Check(rc);
        return false;
    }

    public void Reset()
    {
        raw.sqlite3_reset(_statement);
        raw.sqlite3_clear_bindings(_statement);
    }

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>Runs statements on the connection's handle without reading results (BEGIN, COMMIT, a checkpoint).</summary>
    public static void Execute(SqliteConnection connection, string sql)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        var rc = raw.sqlite3_exec(db, sql, null, null, out var error);
        if (rc != raw.SQLITE_OK) throw new SqliteException(error ?? raw.sqlite3_errmsg(db).utf8_to_string(), rc);
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
    }

    public void Dispose() => _statement.Dispose();
}
