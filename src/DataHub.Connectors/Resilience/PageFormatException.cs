namespace DataHub.Connectors.Resilience;

/// <summary>
/// A response that arrived with a success status but does not parse (a body cut short by a proxy or a
/// dying server). Transient: the same page is asked for again.
/// </summary>
public sealed class PageFormatException(string message, Exception? inner = null) : Exception(message, inner);
