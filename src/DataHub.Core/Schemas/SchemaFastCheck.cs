using System.Globalization;
using System.Text.RegularExpressions;
using DataHub.Core.Json;
using Newtonsoft.Json.Linq;

namespace DataHub.Core.Schemas;

/// <summary>
/// A one-sided check compiled from a document type's JSON Schema for the normalizer's hot path: it
/// only answers "certainly valid?". NJsonSchema's validator walks its schema object model and builds
/// child validators and error lists even for valid documents — a sixth of a sync's CPU at a million
/// records. When this check accepts a document, NJsonSchema accepts it too: it knows only the keywords
/// our schemas use, checks each at least as strictly as NJsonSchema 10.7 does (string lengths both in
/// UTF-16 units and in text elements, bounds both as decimal and as double, only genuine JSON strings
/// and integers), and refuses whenever the token is of a kind a keyword leaves unclear. When it refuses,
/// the normalizer asks NJsonSchema, whose errors are what a quarantine reason quotes — so the verdict is
/// always NJsonSchema's. A schema with any other keyword is not compiled at all (tests compare the two).
/// It reads the normalizer's lean <see cref="CanonicalObject"/>; Newtonsoft tokens are converted first.
/// </summary>
public sealed class SchemaFastCheck
{
    private const int MaxReferenceDepth = 32;

    private readonly Node _root;

    private SchemaFastCheck(Node root) => _root = root;

    /// <summary>The check for a schema, or null when it uses a keyword this check does not know.</summary>
    public static SchemaFastCheck? TryCompile(JObject schema)
    {
        var definitions = schema["definitions"] as JObject;
        return Compile(schema, definitions, 0) is { } root ? new SchemaFastCheck(root) : null;
    }

    /// <summary>True only when the document certainly satisfies the schema.</summary>
    public bool Accepts(JToken document) => _root.Accepts(CanonicalObject.FromToken(document));

    /// <summary>True only when the document certainly satisfies the schema.</summary>
    public bool Accepts(CanonicalObject document) => _root.Accepts(document);

    private static Node? Compile(JToken token, JObject? definitions, int depth)
    {
        if (token is JValue { Type: JTokenType.Boolean } b) return (bool)b! ? new Node() : null;
        if (token is not JObject schema || depth > MaxReferenceDepth) return null;
        var node = new Node();
        var all = new List<Node>();
        foreach (var p in schema.Properties())
        {
            switch (p.Name)
            {
                case "type":
                    if (!TryTypes(p.Value, out node.Types)) return null;
                    break;
                case "$ref":
                    if ((string?)p.Value is not { } reference || !reference.StartsWith("#/definitions/", StringComparison.Ordinal)
                        || definitions?[reference["#/definitions/".Length..]] is not JObject target
                        || Compile(target, definitions, depth + 1) is not { } resolved) return null;
                    all.Add(resolved);
                    break;
                case "allOf":
                    if (p.Value is not JArray members) return null;
                    foreach (var member in members)
                    {
                        if (Compile(member, definitions, depth + 1) is not { } compiled) return null;
                        all.Add(compiled);
                    }
                    break;
                case "properties":
                    if (p.Value is not JObject properties) return null;
                    node.Properties = new Dictionary<string, Node>(StringComparer.Ordinal);
                    foreach (var property in properties.Properties())
                    {
                        if (Compile(property.Value, definitions, depth + 1) is not { } compiled) return null;
                        node.Properties[property.Name] = compiled;
                    }
                    break;
                case "required":
                    if (p.Value is not JArray names || names.Any(n => n.Type != JTokenType.String)) return null;
                    node.Required = names.Select(n => (string)n!).ToArray();
                    break;
                case "additionalProperties":
                    if (p.Value.Type != JTokenType.Boolean) return null;
                    node.AdditionalPropertiesAllowed = (bool)p.Value;
                    break;
                case "items":
                    if (p.Value is not JObject || Compile(p.Value, definitions, depth + 1) is not { } items) return null;
                    node.Items = items;
                    break;
                case "minItems": if (!TryCount(p.Value, out node.MinItems)) return null; break;
                case "maxItems": if (!TryCount(p.Value, out node.MaxItems)) return null; break;
                case "minLength": if (!TryCount(p.Value, out node.MinLength)) return null; break;
                case "maxLength": if (!TryCount(p.Value, out node.MaxLength)) return null; break;
                case "pattern":
                    if (p.Value.Type != JTokenType.String) return null;
                    // The same engine and options as NJsonSchema's Regex.IsMatch(value, pattern).
                    node.Pattern = new Regex((string)p.Value!, RegexOptions.None);
                    break;
                case "enum":
                    // Strings, whole numbers that fit a long, booleans: compared by value and kind (a 1.0 is not taken
                    // for an enum's 1 here, so it is refused and left to NJsonSchema).
                    if (p.Value is not JArray values) return null;
                    node.Enum = values.Select(CanonicalObject.FromToken).ToArray();
                    if (node.Enum.Any(v => v is not (string or long or bool))) return null;
                    break;
                case "minimum": if (!TryBound(p.Value, out node.Minimum)) return null; break;
                case "maximum": if (!TryBound(p.Value, out node.Maximum)) return null; break;
                case "exclusiveMinimum": if (!TryBound(p.Value, out node.ExclusiveMinimum)) return null; break;
                case "exclusiveMaximum": if (!TryBound(p.Value, out node.ExclusiveMaximum)) return null; break;
                case "definitions":
                    break;
                default:
                    if (!IsAnnotation(p.Name)) return null;
                    break;
            }
        }
        node.All = all.ToArray();
        return node;
    }

    private static bool IsAnnotation(string keyword) =>
        keyword is "title" or "description" or "$comment" or "examples" or "$schema" or "$id" or "default"
        || keyword.StartsWith("x-", StringComparison.Ordinal);

    private static bool TryTypes(JToken value, out Kinds kinds)
    {
        kinds = Kinds.None;
        var names = value switch
        {
            JValue { Type: JTokenType.String } one => [(string)one!],
            JArray many when many.All(t => t.Type == JTokenType.String) => many.Select(t => (string)t!).ToArray(),
            _ => null,
        };
        if (names is null) return false;
        foreach (var name in names)
        {
            var kind = name switch
            {
                "object" => Kinds.Object, "array" => Kinds.Array, "string" => Kinds.String, "integer" => Kinds.Integer,
                "number" => Kinds.Number, "boolean" => Kinds.Boolean, "null" => Kinds.Null, _ => Kinds.None,
            };
            if (kind == Kinds.None) return false;
            kinds |= kind;
        }
        return true;
    }

    private static bool TryCount(JToken value, out int? count)
    {
        count = value.Type == JTokenType.Integer && (long)value >= 0 && (long)value <= int.MaxValue ? (int)(long)value : null;
        return count is not null;
    }

    private static bool TryBound(JToken value, out decimal? bound)
    {
        bound = value.Type is JTokenType.Integer or JTokenType.Float ? (decimal)value : null;
        return bound is not null;
    }

    [Flags]
    private enum Kinds
    {
        None = 0, Object = 1, Array = 2, String = 4, Integer = 8, Number = 16, Boolean = 32, Null = 64,
    }

    private sealed class Node
    {
        public Kinds Types;
        public Node[] All = [];
        public Dictionary<string, Node>? Properties;
        public string[]? Required;
        public bool AdditionalPropertiesAllowed = true;
        public Node? Items;
        public int? MinItems, MaxItems, MinLength, MaxLength;
        public Regex? Pattern;
        public object?[]? Enum;
        public decimal? Minimum, Maximum, ExclusiveMinimum, ExclusiveMaximum;

        private bool HasObjectKeywords => Properties is not null || Required is not null || !AdditionalPropertiesAllowed;
        private bool HasArrayKeywords => Items is not null || MinItems is not null || MaxItems is not null;
        private bool HasStringKeywords => MinLength is not null || MaxLength is not null || Pattern is not null;
        private bool HasNumberKeywords => Minimum is not null || Maximum is not null || ExclusiveMinimum is not null || ExclusiveMaximum is not null;

        public bool Accepts(object? value)
        {
            var kind = KindOf(value);
            if (kind == Kinds.None) return false; // dates, big integers, raw tokens: leave them to NJsonSchema
            if (Types != Kinds.None && !TypeAllows(kind)) return false;
            // A keyword for another kind of value, with no type to rule the value out first: unclear, so not certain.
            if (Types == Kinds.None && ((HasObjectKeywords && kind != Kinds.Object) || (HasArrayKeywords && kind != Kinds.Array)
                || (HasStringKeywords && kind != Kinds.String) || (HasNumberKeywords && kind is not (Kinds.Integer or Kinds.Number)))) return false;
            if (Enum is not null && Array.IndexOf(Enum, value) < 0) return false;
            switch (value)
            {
                case CanonicalObject o when !AcceptsObject(o): return false;
                case IReadOnlyList<object?> a when !AcceptsArray(a): return false;
                case string s when !AcceptsString(s): return false;
                case long or double when !AcceptsNumber(value): return false;
            }
            foreach (var member in All)
            {
                if (!member.Accepts(value)) return false;
            }
            return true;
        }

        private bool TypeAllows(Kinds kind) =>
            (Types & kind) != 0 || (kind == Kinds.Integer && (Types & Kinds.Number) != 0);

        private static Kinds KindOf(object? value) => value switch
        {
            null => Kinds.Null,
            CanonicalObject => Kinds.Object,
            string => Kinds.String,
            long => Kinds.Integer,
            double => Kinds.Number,
            bool => Kinds.Boolean,
            IReadOnlyList<object?> => Kinds.Array,
            _ => Kinds.None,
        };

        private bool AcceptsObject(CanonicalObject o)
        {
            if (Required is not null)
            {
                foreach (var name in Required)
                {
                    if (!o.TryGet(name, out _)) return false;
                }
            }
            foreach (var (name, value) in o)
            {
                if (Properties is not null && Properties.TryGetValue(name, out var schema))
                {
                    if (!schema.Accepts(value)) return false;
                }
                else if (!AdditionalPropertiesAllowed) return false;
            }
            return true;
        }

        private bool AcceptsArray(IReadOnlyList<object?> a)
        {
            if (MinItems is { } min && a.Count < min) return false;
            if (MaxItems is { } max && a.Count > max) return false;
            if (Items is not null)
            {
                foreach (var item in a)
                {
                    if (!Items.Accepts(item)) return false;
                }
            }
            return true;
        }

        private bool AcceptsString(string s)
        {
            // Whichever way NJsonSchema counts (UTF-16 units or text elements), both counts must fit. A string
            // never has more text elements than UTF-16 units, so only a minimum needs the (slower) element count.
            if (MaxLength is { } max && s.Length > max) return false;
            if (MinLength is { } min && (s.Length < min || (min > 1 && new StringInfo(s).LengthInTextElements < min))) return false;
            return Pattern is null || Pattern.IsMatch(s);
        }

        private bool AcceptsNumber(object value)
        {
            double asDouble;
            decimal asDecimal;
            try
            {
                // As Newtonsoft's JValue converts its long or double (NJsonSchema compares both ways).
                asDouble = value is long l ? l : (double)value;
                asDecimal = value is long l2 ? l2 : (decimal)(double)value;
            }
            catch (OverflowException)
            {
                return false;
            }
            if (double.IsNaN(asDouble) || double.IsInfinity(asDouble)) return false;
            return WithinDecimal(asDecimal) && WithinDouble(asDouble);
        }

        private bool WithinDecimal(decimal value) =>
            (Minimum is not { } min || value >= min) && (Maximum is not { } max || value <= max)
            && (ExclusiveMinimum is not { } xmin || value > xmin) && (ExclusiveMaximum is not { } xmax || value < xmax);

        private bool WithinDouble(double value) =>
            (Minimum is not { } min || value >= (double)min) && (Maximum is not { } max || value <= (double)max)
            && (ExclusiveMinimum is not { } xmin || value > (double)xmin) && (ExclusiveMaximum is not { } xmax || value < (double)xmax);
    }
}
