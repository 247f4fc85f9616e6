namespace KitBot.Cards.Templating;

/// <summary>
/// A JavaScript object as the reference implementation sees it. Key order follows JavaScript's rules (array-index
/// keys first, ascending, then the rest in insertion order) because the reference's JSON.stringify, Object.keys and
/// case-insensitive property lookup all depend on it.
/// </summary>
/// <remarks>
/// Keys and values are kept in two parallel lists; a dictionary is added only once an object has more than
/// <see cref="LinearLimit"/> members. Card data is hundreds of small objects, for which a dictionary each was most of
/// what converting the data allocated, and a short ordinal scan is as fast as hashing.
/// </remarks>
internal sealed class JsObject
{
    private const int LinearLimit = 8;

    private readonly List<string> _keys;
    private readonly List<object?> _values;
    private Dictionary<string, int>? _index;
    private int _indexKeys;

    public JsObject()
        : this(0)
    {
    }

    /// <summary>An empty object with room for <paramref name="capacity"/> members.</summary>
    public JsObject(int capacity)
    {
        _keys = new List<string>(capacity);
        _values = new List<object?>(capacity);
    }

    public int Count => _keys.Count;

    public IReadOnlyList<string> Keys => _keys;

    public bool TryGetValue(string key, out object? value)
    {
        var position = Find(key);
        value = position >= 0 ? _values[position] : null;
        return position >= 0;
    }

    public object? this[string key]
    {
        get => Find(key) is var position and >= 0 ? _values[position] : Js.Undefined;
        set => Set(key, value);
    }

    public void Set(string key, object? value)
    {
        var existing = Find(key);
        if (existing >= 0)
        {
            _values[existing] = value;
            return;
        }

        Add(key, value);
    }

    /// <summary>Adds a member known not to be present yet (the members of a JSON object, whose names are unique).</summary>
    public void Add(string key, object? value)
    {
        var position = _keys.Count;
        if (Js.TryParseArrayIndex(key, out var index))
        {
            position = 0;
            while (position < _indexKeys && Js.TryParseArrayIndex(_keys[position], out var other) && other < index)
            {
                position++;
            }

            _indexKeys++;
        }

        _keys.Insert(position, key);
        _values.Insert(position, value);
        if (_index is not null && position == _keys.Count - 1)
        {
            _index[key] = position;
        }
        else if (_index is not null || _keys.Count > LinearLimit)
        {
            // Past the limit, or an index key inserted before others: (re)build the positions.
            _index = new Dictionary<string, int>(_keys.Count, StringComparer.Ordinal);
            for (var i = 0; i < _keys.Count; i++)
            {
                _index[_keys[i]] = i;
            }
        }
    }

    /// <summary>The position of <paramref name="key"/> among <see cref="Keys"/> (ordinal), or -1.</summary>
    public int IndexOf(string key) => Find(key);

    private int Find(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var position) ? position : -1;
        }

        for (var i = 0; i < _keys.Count; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
