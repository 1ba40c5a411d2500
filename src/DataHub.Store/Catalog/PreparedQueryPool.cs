using System.Collections.Concurrent;
using System.Data.Common;

namespace DataHub.Store.Catalog;

/// <summary>
/// Connections kept open with one query prepared on each, lent to one caller at a time. For the hot
/// citizen lookup on SQLite: going through a pooled open (with its PRAGMAs) and parsing and planning the
/// join on every call was most of the lookup's CPU time, and a connection kept here keeps its page cache
/// as long as nobody writes the catalog.
/// </summary>
internal sealed class PreparedQueryPool(Func<DbConnection> open, string sql, params string[] parameterNames) : IDisposable
{
    // Beyond this many idle connections, a returned one is closed: bursts do not leave page caches behind.
    private const int MaxIdle = 32;
    private readonly ConcurrentBag<DbCommand> _idle = [];
    private volatile bool _disposed;

    public T Run<T>(Action<DbParameterCollection> bind, Func<DbCommand, T> read)
    {
        var command = _idle.TryTake(out var idle) ? idle : Prepare();
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
        if (!_disposed && _idle.Count < MaxIdle) _idle.Add(command);
        else Close(command);
        return result;
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
        while (_idle.TryTake(out var command)) Close(command);
    }
}
