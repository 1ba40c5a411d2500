namespace DataHub.Core.Diagnostics;

/// <summary>
/// An exception as the one line an operator reads (a run's error, the CLI's last words). Parallel workers that meet the
/// same fault (a broken schema, a full disk) each add it to an <see cref="AggregateException"/>: the line gives each
/// distinct cause once, not .NET's "One or more errors occurred." and the repeats.
/// </summary>
public static class ErrorLine
{
    public static string Of(Exception e)
    {
        var messages = e is AggregateException a ? a.Flatten().InnerExceptions.Select(i => i.Message).Distinct() : [e.Message];
        return string.Join("; ", messages).ReplaceLineEndings(" ");
    }
}
