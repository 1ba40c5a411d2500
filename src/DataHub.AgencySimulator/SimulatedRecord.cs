namespace DataHub.AgencySimulator;

/// <summary>One record an agency holds: its id, its update time (the cursor) and its wire form (JSON bytes or an XML element's text).</summary>
public sealed record SimulatedRecord(string Id, string UpdatedAt, long UpdatedTicks, byte[] Payload);
