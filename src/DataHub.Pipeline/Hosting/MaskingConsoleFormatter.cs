using DataHub.Core.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace DataHub.Pipeline.Hosting;

/// <summary>
/// One line per log entry — time, level, category, message — with personal IDs masked, whatever the
/// code that logged it passed in. Exceptions print their message, and the stack only at Debug level.
/// </summary>
public sealed class MaskingConsoleFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "datahub";

    public override void Write<TState>(in LogEntry<TState> logEntry, Microsoft.Extensions.Logging.IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var category = logEntry.Category[(logEntry.Category.LastIndexOf('.') + 1)..];
        var line = $"{DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss.fff zzz} {Level(logEntry.LogLevel)} {category}: {message}";
        if (logEntry.Exception is { } e) line += logEntry.LogLevel <= LogLevel.Debug ? Environment.NewLine + e : $" ({e.GetType().Name})";
        textWriter.WriteLine(PersonalDataMasking.Mask(line));
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce", LogLevel.Debug => "dbug", LogLevel.Information => "info",
        LogLevel.Warning => "warn", LogLevel.Error => "fail", LogLevel.Critical => "crit", _ => "none",
    };
}
