using Store.Core.Values;

namespace Store.Engine;

/// <summary>Values for a statement's parameters: by name (<c>:q</c>, <c>@q</c>; give the name without its sigil) and by position (<c>?</c>, in order).</summary>
public sealed class StatementParameters
{
    private readonly Dictionary<string, DbValue> _named = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<DbValue> _positional = [];

    public IReadOnlyDictionary<string, DbValue> Named => _named;

    public IReadOnlyList<DbValue> Positional => _positional;

    /// <summary>Sets a named parameter; a leading <c>:</c>, <c>@</c> or <c>$</c> is ignored.</summary>
    public StatementParameters Add(string name, DbValue value)
    {
        _named[name.TrimStart(':', '@', '$')] = value;
        return this;
    }

    /// <summary>Appends the value of the next <c>?</c>.</summary>
    public StatementParameters Add(DbValue value)
    {
        _positional.Add(value);
        return this;
    }
}
