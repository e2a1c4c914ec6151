using Store.Core.Errors;
using Store.Sql.Syntax;

namespace Store.Sql.Binding;

/// <summary>
/// The parameters of a statement and their slots: each distinct name (<c>:q</c> and <c>@q</c>
/// are one name) gets a slot in order of first appearance, then each <c>?</c> one in text order.
/// </summary>
internal sealed class ParameterTable
{
    private readonly Dictionary<string, int> _named = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(int Line, int Column), int> _positional = [];

    public ParameterTable(Statement statement)
    {
        var parameters = SyntaxWalker.AllExpressions(statement).OfType<ParameterExpression>().ToList();
        var names = new List<string?>();
        foreach (var p in parameters.Where(p => p.Name is not null).OrderBy(p => (p.Line, p.Column)))
        {
            if (_named.TryAdd(p.Name!, names.Count))
            {
                names.Add(p.Name);
            }
        }

        foreach (var p in parameters.Where(p => p.Name is null).OrderBy(p => (p.Line, p.Column)))
        {
            _positional[(p.Line, p.Column)] = names.Count;
            names.Add(null);
        }

        Names = names;
    }

    /// <summary>Each slot's name without its sigil, or null for a positional slot.</summary>
    public IReadOnlyList<string?> Names { get; }

    /// <summary>How many <c>?</c> parameters there are.</summary>
    public int PositionalCount => _positional.Count;

    public int SlotOf(ParameterExpression parameter) =>
        parameter.Name is { } name ? _named[name] : _positional[(parameter.Line, parameter.Column)];

    /// <summary>
    /// The slot values from named and positional values; a slot without a value is an error
    /// naming the parameter.
    /// </summary>
    public Core.Values.DbValue[] Resolve(IReadOnlyDictionary<string, Core.Values.DbValue> named, IReadOnlyList<Core.Values.DbValue> positional)
    {
        var values = new Core.Values.DbValue[Names.Count];
        var next = 0;
        for (var slot = 0; slot < Names.Count; slot++)
        {
            if (Names[slot] is { } name)
            {
                values[slot] = named.TryGetValue(name, out var value) ? value : throw StoreErrors.MissingParameter(":" + name);
            }
            else
            {
                values[slot] = next < positional.Count ? positional[next++] : throw StoreErrors.MissingParameter($"?{next + 1}");
            }
        }

        return values;
    }
}
