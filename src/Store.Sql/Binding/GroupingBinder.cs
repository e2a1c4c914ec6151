using Store.Sql.Expressions;
using Store.Sql.Functions;
using Store.Sql.Syntax;

namespace Store.Sql.Binding;

/// <summary>
/// Binding inside a grouped query. The grouped row holds the group keys, then one value per
/// aggregate; an expression equal to a key becomes that key's position, an aggregate call is
/// registered and becomes its position, and a bare column that is not a key takes its value
/// from one row of the group (as SQLite allows).
/// </summary>
internal sealed class GroupingBinder(Scope source, BindingContext context, IReadOnlyList<Expression> keys)
{
    private readonly ExpressionBinder _sourceBinder = new(source, context);
    private readonly List<string> _keyTexts = keys.Select(SyntaxText.Of).ToList();
    private readonly List<string> _aggregateTexts = [];

    public List<BoundExpression> Keys { get; } = [];

    public List<AggregateCall> Aggregates { get; } = [];

    public void BindKeys()
    {
        Keys.AddRange(keys.Select(_sourceBinder.Bind));
    }

    /// <summary>The columns of the grouped row: keys by their text, then aggregates by theirs.</summary>
    public Scope OutputScope => new([.. _keyTexts.Select(t => new ScopeColumn(null, t)), .. _aggregateTexts.Select(t => new ScopeColumn(null, t))]);

    /// <summary>The bound replacement of a key, an aggregate or a bare column; null when the expression is none of these.</summary>
    public BoundExpression? TryBind(Expression expression)
    {
        var text = SyntaxText.Of(expression);
        var key = _keyTexts.IndexOf(text);
        if (key >= 0)
        {
            return new ColumnNode(key, text);
        }

        if (expression is FunctionCallExpression call && ExpressionBinder.IsAggregate(call))
        {
            AggregateCall.TryGetKind(call.Name, call.Star, out var kind);
            return Register(text, () => new AggregateCall(kind, call.Star ? null : _sourceBinder.Bind(call.Arguments[0]), call.Distinct, text));
        }

        if (expression is ColumnExpression column)
        {
            var bound = (ColumnNode)_sourceBinder.Bind(column);
            var matching = Keys.FindIndex(k => k is ColumnNode c && c.Ordinal == bound.Ordinal);
            return matching >= 0 ? new ColumnNode(matching, text) : Register(text, () => new AggregateCall(AggregateKind.AnyValue, bound, false, text));
        }

        return null;
    }

    private ColumnNode Register(string text, Func<AggregateCall> create)
    {
        var index = _aggregateTexts.IndexOf(text);
        if (index < 0)
        {
            index = Aggregates.Count;
            Aggregates.Add(create());
            _aggregateTexts.Add(text);
        }

        return new ColumnNode(Keys.Count + index, text);
    }
}
