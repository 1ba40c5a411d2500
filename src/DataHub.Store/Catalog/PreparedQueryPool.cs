using System.Collections.Concurrent;
using System.Data.Common;

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
/// </summary>
internal sealed class PreparedQueryPool(Func<DbConnection> open, string sql, params string[] parameterNames) : IDisposable
{
    private static readonly int MaxOpen = 2 * Environment.ProcessorCount;
    private readonly ConcurrentStack<DbCommand> _idle = [];
    private readonly SemaphoreSlim _slots = new(MaxOpen, MaxOpen);
    private volatile bool _disposed;

    public T Run<T>(Action<DbParameterCollection> bind, Func<DbCommand, T> read)
    {
        _slots.Wait();
        try
        {
            var command = _idle.TryPop(out var idle) ? idle : Prepare();
            T result;
            try
            {
                bind(command.Parameters);
                result = read(command);
            }
            catch
            {
                Close(command);
                throw;
            }
            if (!_disposed) _idle.Push(command);
            else Close(command);
            return result;
        }
        finally
        {
            _slots.Release();
        }
    }

    private DbCommand Prepare()
    {
        var connection = open();
        try
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameterNames)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = DBNull.Value;
                command.Parameters.Add(p);
            }
            command.Prepare();
            return command;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Close(DbCommand command)
    {
        var connection = command.Connection;
        command.Dispose();
        connection?.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryPop(out var command)) Close(command);
    }
}
