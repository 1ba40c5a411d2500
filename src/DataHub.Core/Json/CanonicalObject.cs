using Newtonsoft.Json.Linq;

namespace DataHub.Core.Json;

/// <summary>
/// A JSON object with its members in the order they were set: the lean form of a normalized document.
/// Values are <c>null</c>, <see cref="bool"/>, <see cref="string"/>, <see cref="long"/>, <see cref="double"/>,
/// <see cref="CanonicalObject"/> or a list of values. The normalizer builds one per document instead of a
/// Newtonsoft <see cref="JObject"/> (two objects per member plus a dictionary: a third of a sync's
/// allocations); <see cref="ToJObject"/> gives the Newtonsoft form when NJsonSchema has to be asked.
/// </summary>
public sealed class CanonicalObject(int capacity = 8)
{
    /// <summary>Stands for a token of a kind this model does not carry (a date token, a big integer): checks refuse it.</summary>
    public static readonly object Unsupported = new();

    private readonly List<KeyValuePair<string, object?>> _members = new(capacity);

    public int Count => _members.Count;

    /// <summary>The members in order, without boxing an enumerator (the hot paths walk every member of every document).</summary>
    public List<KeyValuePair<string, object?>>.Enumerator GetEnumerator() => _members.GetEnumerator();

    /// <summary>Sets a member; setting an existing name replaces its value in place, as <see cref="JObject"/>'s indexer does.</summary>
    public object? this[string name]
    {
        get => TryGet(name, out var value) ? value : null;
        set
        {
            for (var i = 0; i < _members.Count; i++)
            {
                if (_members[i].Key == name)
                {
                    _members[i] = new(name, value);
                    return;
                }
            }
            _members.Add(new(name, value));
        }
    }

    public bool TryGet(string name, out object? value)
    {
        foreach (var member in _members)
        {
            if (member.Key == name)
            {
                value = member.Value;
                return true;
            }
        }
        value = null;
        return false;
    }

    /// <summary>The same document as Newtonsoft tokens (for NJsonSchema, and for tests that compare the two writers).</summary>
    public JObject ToJObject()
    {
        var o = new JObject();
        foreach (var (name, value) in this) o[name] = ToToken(value);
        return o;
    }

    private static JToken ToToken(object? value) => value switch
    {
        CanonicalObject o => o.ToJObject(),
        string s => new JValue(s),
        IReadOnlyList<object?> list => new JArray(list.Select(ToToken)),
        _ when ReferenceEquals(value, Unsupported) => throw new InvalidOperationException("an unsupported value has no JSON form"),
        _ => new JValue(value),
    };

    /// <summary>The lean value of a Newtonsoft token; <see cref="Unsupported"/> for kinds it does not carry.</summary>
    public static object? FromToken(JToken token) => token switch
    {
        JObject o => FromObject(o),
        JArray a => a.Select(FromToken).ToArray(),
        JValue { Type: JTokenType.String } v => (string)v!,
        JValue { Type: JTokenType.Integer, Value: long l } => l,
        JValue { Type: JTokenType.Float, Value: double d } => d,
        JValue { Type: JTokenType.Boolean, Value: bool b } => b,
        JValue { Type: JTokenType.Null } => null,
        _ => Unsupported,
    };

    private static CanonicalObject FromObject(JObject o)
    {
        var result = new CanonicalObject(o.Count);
        foreach (var p in o.Properties()) result[p.Name] = FromToken(p.Value);
        return result;
    }
}
