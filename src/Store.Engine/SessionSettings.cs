using Store.Access.Indexing;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Expressions;
using Store.Sql.Syntax;

namespace Store.Engine;

/// <summary>
/// The settings SET changes for one session: the search settings the index methods own
/// (<see cref="IndexMethods"/>), each an integer within its method's range. An unknown name is
/// an error, so a typo never passes silently.
/// </summary>
internal sealed class SessionSettings
{
    private readonly Dictionary<string, DbValue> _values = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, DbValue> Values => _values;

    public void Set(SetStatement set, BindingContext binding, DbValue[] parameters)
    {
        if (IndexMethods.FindSetting(set.Name) is not { } range)
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
