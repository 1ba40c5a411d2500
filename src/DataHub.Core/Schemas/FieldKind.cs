namespace DataHub.Core.Schemas;

/// <summary>How a field's raw text is normalized, declared by <c>x-kind</c> in the shared schemas.</summary>
public enum FieldKind { Text, PersonName, Date, CitizenId, LegacyIdCard, EnterpriseCode, Sex, Integer, Number, Code }
