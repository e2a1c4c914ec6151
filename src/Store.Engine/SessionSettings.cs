using Store.Core.Errors;
using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Expressions;
using Store.Sql.Syntax;

namespace Store.Engine;

/// <summary>
/// The settings SET changes for one session. Each known name takes a positive integer; an
/// unknown name is an error, so a typo never passes silently.
/// </summary>
internal sealed class SessionSettings
{
    private static readonly Dictionary<string, (long Min, long Max)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hnsw.ef_search"] = (1, 100_000),
        ["ivf.probes"] = (1, 1_000_000),
    };

    private readonly Dictionary<string, DbValue> _values = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, DbValue> Values => _values;

    public void Set(SetStatement set, BindingContext binding, DbValue[] parameters)
    {
        if (!Known.TryGetValue(set.Name, out var range))
        {
            throw binding.Error(StoreErrors.NotFound("setting", set.Name), set.Line, set.Column);
        }

        var value = new ExpressionBinder(Scope.Empty, binding).Bind(set.Value).Evaluate([], new EvaluationContext(parameters));
        if (value.Kind != DbValueKind.Integer || value.AsInteger < range.Min || value.AsInteger > range.Max)
        {
            throw binding.Error(StoreErrors.InvalidArgument($"{set.Name} takes an integer from {range.Min} to {range.Max}"), set.Value.Line, set.Value.Column);
        }

        _values[set.Name.ToLowerInvariant()] = value;
    }
}
