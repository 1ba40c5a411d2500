namespace DataHub.Connectors.Soap;

/// <summary>A SOAP fault the agency raised about our request (Client/Sender): not retried, reported as is.</summary>
public sealed class SoapFaultException(string code, string reason) : Exception($"SOAP fault {code}: {reason}")
{
    public string Code { get; } = code;
    public string Reason { get; } = reason;
}
