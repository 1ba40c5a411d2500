using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace DataHub.Store.Catalog;

/// <summary>
/// Connections kept open with one query prepared on each, lent to one caller at a time. For the hot
/// citizen lookup on SQLite: going through a pooled open (with its PRAGMAs) and parsing and planning the
/// join on every call was most of the lookup's CPU time, and a connection kept here keeps its page cache
/// as long as nobody writes the catalog.
///
/// At most twice as many connections as the machine has cores, lent last-returned-first. Each SQLite
/// connection maps the file on its own, so every page a connection reads for the first time is a page
/// fault (~1.5–2.5 µs here, and the kernel maps 16 neighbours with it); with up to 32 connections
/// spread over the requests, a 10-s lookup run took 23,000 faults and served 6,049 lookups/s, with 4
/// connections 1,700 faults and 8,276 lookups/s (bench/RESULTS.md, eighth session). More connections
/// than cores buy nothing for reads that never wait on anything but memory.
///
/// The query is a statement prepared on the connection's handle (<see cref="SqliteRawStatement"/>): through
/// an ADO.NET command and reader, binding, type checks and date parsing took as long as SQLite's own search.
/// </summary>
internal sealed class PreparedQueryPool(Func<SqliteConnection> open, string sql) : IDisposable
{
    private static readonly int MaxOpen = 2 * Environment.ProcessorCount;
    private readonly ConcurrentStack<(SqliteConnection Connection, SqliteRawStatement Statement)> _idle = [];
    private readonly SemaphoreSlim _slots = new(MaxOpen, MaxOpen);
    private volatile bool _disposed;

    /// <summary>Lends a prepared statement to <paramref name="query"/> (which binds and steps it) and resets it afterwards.</summary>
    public T Run<T>(Func<SqliteRawStatement, T> query)
    {
        _slots.Wait();
        try
        {
            var lent = _idle.TryPop(out var idle) ? idle : Prepare();
            T result;
            try
            {
                result = query(lent.Statement);
                lent.Statement.Reset();
            }
            catch
            {
                Close(lent);
                throw;
            }
            if (!_disposed) _idle.Push(lent);
            else Close(lent);
            return result;
        }
        finally
        {
            _slots.Release();
        }
    }

    private (SqliteConnection Connection, SqliteRawStatement Statement) Prepare()
    {
        var connection = open();
        try
        {
            return (connection, new SqliteRawStatement(connection, sql));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Close((SqliteConnection Connection, SqliteRawStatement Statement) lent)
    {
        lent.Statement.Dispose();
        lent.Connection.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryPop(out var lent)) Close(lent);
    }
}
