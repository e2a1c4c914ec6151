using Store.Sql.Expressions;
using Store.Sql.Functions;
using Store.Sql.Syntax;

namespace Store.Sql.Binding;

/// <summary>
/// Binding inside a grouped query. The grouped row holds the group keys, then one value per
/// aggregate; an expression whose canonical text is a key's becomes that key's position, an
/// aggregate call is registered (once per text) and becomes its position, and a bare column
/// that is not a key takes its value from one row of the group (as SQLite allows).
/// </summary>
/// <remarks>
/// The binder asks at every node of every grouped expression, so texts are compared by hash
/// first (<see cref="SyntaxTextHashes"/>) and rendered only where a hash matches a key's, at an
/// aggregate call or at a column. A confirmed match ends the descent and aggregate calls do not
/// nest; and as a node's text is longer than any of its descendants', the nodes whose hash and
/// length match one key's never nest either, even where hashes collide. So binding costs time
/// in proportion to the statement's size.
/// </remarks>
internal sealed class GroupingBinder
{
    private readonly IReadOnlyList<Expression> _keySyntax;
    private readonly ExpressionBinder _sourceBinder;
    private readonly SyntaxTextHashes _hashes;
    private readonly List<string> _keyTexts = [];

    /// <summary>For each key hash, the first position of each distinct text that has it (more than one only when texts collide).</summary>
    private readonly Dictionary<TextHash, List<int>> _keysByHash = [];
    private readonly Dictionary<string, int> _aggregatePositions = new(StringComparer.Ordinal);

    /// <summary>The first key that is a plain column, by that column's position in the source row.</summary>
    private readonly Dictionary<int, int> _keyBySourceColumn = [];
    private long _charactersRendered;

    /// <summary>Renders and hashes the keys; a test may pass a weak hash base, to make unequal texts collide.</summary>
    public GroupingBinder(Scope source, BindingContext context, IReadOnlyList<Expression> keys, ulong hashBase = SyntaxTextHashes.DefaultBase)
    {
        _keySyntax = keys;
        _sourceBinder = new ExpressionBinder(source, context);
        _hashes = new SyntaxTextHashes(hashBase);
        for (var position = 0; position < keys.Count; position++)
        {
            var text = Render(keys[position]);
            _keyTexts.Add(text);
            var hash = _hashes.Of(keys[position]);
            if (!_keysByHash.TryGetValue(hash, out var sameHash))
            {
                _keysByHash.Add(hash, sameHash = []);
            }

            if (!sameHash.Exists(k => _keyTexts[k] == text))
            {
                sameHash.Add(position);
            }
        }
    }

    public List<BoundExpression> Keys { get; } = [];

    public List<AggregateCall> Aggregates { get; } = [];

    /// <summary>Characters hashed or rendered so far, plus one per child hash reused: the work grouping has cost, which tests hold to linear.</summary>
    public long TextWork => _hashes.Steps + _charactersRendered;

    public void BindKeys()
    {
        Keys.AddRange(_keySyntax.Select(_sourceBinder.Bind));
        for (var position = 0; position < Keys.Count; position++)
        {
            if (Keys[position] is ColumnNode column)
            {
                _keyBySourceColumn.TryAdd(column.Ordinal, position);
            }
        }
    }

    /// <summary>The columns of the grouped row: keys by their text, then aggregates by theirs.</summary>
    public Scope OutputScope => new([.. _keyTexts.Select(t => new ScopeColumn(null, t)), .. Aggregates.Select(a => new ScopeColumn(null, a.Display))]);

    /// <summary>The bound replacement of a key, an aggregate or a bare column; null when the expression is none of these.</summary>
    public BoundExpression? TryBind(Expression expression)
    {
        var key = MatchingKey(expression);
        if (key >= 0)
        {
            return new ColumnNode(key, _keyTexts[key]);
        }

        if (expression is FunctionCallExpression call && ExpressionBinder.IsAggregate(call))
        {
            var text = Render(call);
            AggregateCall.TryGetKind(call.Name, call.Star, out var kind);
            return Register(text, () => new AggregateCall(kind, call.Star ? null : _sourceBinder.Bind(call.Arguments[0]), call.Distinct, text));
        }

        if (expression is ColumnExpression column)
        {
            var text = Render(column);
            var bound = (ColumnNode)_sourceBinder.Bind(column);
            return _keyBySourceColumn.TryGetValue(bound.Ordinal, out var matching)
                ? new ColumnNode(matching, text)
                : Register(text, () => new AggregateCall(AggregateKind.AnyValue, bound, false, text));
        }

        return null;
    }

    /// <summary>The first key whose text is the expression's, or -1; the text is rendered only to confirm a hash match.</summary>
    private int MatchingKey(Expression expression)
    {
        if (!_keysByHash.TryGetValue(_hashes.Of(expression), out var candidates))
        {
            return -1;
        }

        var text = Render(expression);
        var found = candidates.FindIndex(k => _keyTexts[k] == text);
        return found < 0 ? -1 : candidates[found];
    }

    private string Render(Expression expression)
    {
        var text = SyntaxText.Of(expression);
        _charactersRendered += text.Length;
        return text;
    }

    private ColumnNode Register(string text, Func<AggregateCall> create)
    {
        if (!_aggregatePositions.TryGetValue(text, out var index))
        {
            index = Aggregates.Count;
            Aggregates.Add(create());
            _aggregatePositions.Add(text, index);
        }

        return new ColumnNode(Keys.Count + index, text);
    }
}
