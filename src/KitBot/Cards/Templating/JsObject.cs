namespace KitBot.Cards.Templating;

/// <summary>
/// A JavaScript object as the reference implementation sees it. Key order follows JavaScript's rules (array-index
/// keys first, ascending, then the rest in insertion order) because the reference's JSON.stringify, Object.keys and
/// case-insensitive property lookup all depend on it.
/// </summary>
internal sealed class JsObject
{
    private readonly List<string> _keys;
    private readonly Dictionary<string, object?> _values;
    private int _indexKeys;

    public JsObject()
        : this(0)
    {
    }

    /// <summary>An empty object with room for <paramref name="capacity"/> members.</summary>
    public JsObject(int capacity)
    {
        _keys = new List<string>(capacity);
        _values = new Dictionary<string, object?>(capacity, StringComparer.Ordinal);
    }

    public int Count => _keys.Count;

    public IReadOnlyList<string> Keys => _keys;

    public bool TryGetValue(string key, out object? value) => _values.TryGetValue(key, out value);

    public object? this[string key]
    {
        get => _values.TryGetValue(key, out var value) ? value : Js.Undefined;
        set => Set(key, value);
    }

    public void Set(string key, object? value)
    {
        if (_values.ContainsKey(key))
        {
            _values[key] = value;
            return;
        }

        _values[key] = value;
        if (Js.TryParseArrayIndex(key, out var index))
        {
            var position = 0;
            while (position < _indexKeys && Js.TryParseArrayIndex(_keys[position], out var other) && other < index)
            {
                position++;
            }

            _keys.Insert(position, key);
            _indexKeys++;
        }
        else
        {
            _keys.Add(key);
        }
    }
}
