using System.Globalization;
using DataHub.Pipeline.Sync;

namespace DataHub.Cli.Commands;

/// <summary>
/// A self-rewriting progress line on stderr while a long run works — only when stderr is a terminal, so
/// logs and CI output stay clean.
/// </summary>
internal sealed class ProgressLine : IProgress<SyncProgress>, IDisposable
{
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private DateTime _last = DateTime.MinValue;
    private bool _dirty;

    public void Report(SyncProgress value)
    {
        if (!_enabled || (DateTime.UtcNow - _last).TotalMilliseconds < 250) return;
        _last = DateTime.UtcNow;
        var rate = value.Elapsed.TotalSeconds > 0 ? value.Records / value.Elapsed.TotalSeconds : 0;
        Console.Error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r{value.Connector}: {value.Records:N0} records, {value.Published:N0} published, {rate:N0} records/s   "));
        _dirty = true;
    }

    public void Done()
    {
        if (_dirty) Console.Error.Write("\r" + new string(' ', 100) + "\r");
        _dirty = false;
    }

    public void Dispose() => Done();
}
