using Store.Core.Errors;
using Store.Core.Values;
using Store.Sql.Expressions;
using Store.Sql.Functions;
using Store.Sql.Syntax;

namespace Store.Sql.Binding;

/// <summary>
/// Turns syntax expressions into bound ones over a scope. In a grouped query a
/// <see cref="GroupingBinder"/> goes first and replaces group keys and aggregates by positions
/// in the grouped row; elsewhere an aggregate is an error.
/// </summary>
internal sealed class ExpressionBinder(Scope scope, BindingContext context, GroupingBinder? grouping = null)
{
    /// <summary>The model calls bound so far, for the operators that run them in batches.</summary>
    public List<ModelCallNode> ModelCalls { get; } = [];

    public BoundExpression Bind(Expression expression)
    {
        if (grouping?.TryBind(expression) is { } grouped)
        {
            return grouped;
        }

        return expression switch
        {
            LiteralExpression l => new ConstantNode(l.Value),
            ParameterExpression p => new ParameterNode(context.Parameters.SlotOf(p), SyntaxText.Of(p)),
            ColumnExpression c => context.At(c, () => new ColumnNode(scope.Resolve(c.Table, c.Name), SyntaxText.Of(c))),
            UnaryExpression u => new UnaryNode(u.Operator, Bind(u.Operand)),
            BinaryExpression b => new BinaryNode(b.Operator, Bind(b.Left), Bind(b.Right)),
            IsNullExpression n => new IsNullNode(Bind(n.Operand), n.Negated),
            BetweenExpression b => BindBetween(b),
            InListExpression i => new InListNode(Bind(i.Operand), i.Items.Select(Bind).ToList(), i.Negated),
            LikeExpression l => new LikeNode(Bind(l.Operand), Bind(l.Pattern), l.Negated),
            MatchExpression m => BindMatch(m),
            CaseExpression c => new CaseNode(
                c.Operand is null ? null : Bind(c.Operand),
                c.Branches.Select(b => (Bind(b.When), Bind(b.Then))).ToList(),
                c.Else is null ? null : Bind(c.Else)),
            CastExpression c => new CastNode(Bind(c.Operand), context.At(c, () => ColumnType.Parse(c.TypeName, c.Dimensions))),
            FunctionCallExpression f => BindFunction(f),
            _ => throw context.Error(StoreErrors.NotSupported($"expression {expression.GetType().Name}"), expression.Line, expression.Column),
        };
    }

    /// <summary>Whether a call names an aggregate function (COUNT, SUM, AVG, MIN, MAX with one argument, or COUNT(*)).</summary>
    public static bool IsAggregate(FunctionCallExpression call) =>
        AggregateCall.TryGetKind(call.Name, call.Star, out _) && (call.Star || call.Arguments.Count == 1);

    /// <summary>x BETWEEN a AND b is x &gt;= a AND x &lt;= b (x evaluated twice, which is harmless: expressions have no side effects).</summary>
    private BinaryNode BindBetween(BetweenExpression b)
    {
        var operand = Bind(b.Operand);
        var range = new BinaryNode(BinaryOperator.And,
            new BinaryNode(BinaryOperator.GreaterOrEqual, operand, Bind(b.Low)),
            new BinaryNode(BinaryOperator.LessOrEqual, operand, Bind(b.High)));
        return b.Negated ? new BinaryNode(BinaryOperator.Or,
            new BinaryNode(BinaryOperator.Less, operand, Bind(b.Low)),
            new BinaryNode(BinaryOperator.Greater, operand, Bind(b.High))) : range;
    }

    private BoundExpression BindFunction(FunctionCallExpression f)
    {
        if (IsAggregate(f))
        {
            throw context.Error(StoreErrors.NotSupported($"aggregate {f.Name.ToUpperInvariant()} is not allowed here"), f.Line, f.Column);
        }

        if (TextSearch.IsScoreCall(f))
        {
            return BindScore(f);
        }

        if (!f.Star && !f.Distinct && ModelFunctions.TryGet(f.Name, f.Arguments.Count, out var model))
        {
            var arguments = f.Arguments.Select(Bind).ToList();
            if (!ModelFunctions.NamesModel(model, arguments.Count))
            {
                arguments.Insert(0, ModelFunctions.DefaultModelArgument());
            }

            var call = new ModelCallNode(model, arguments[0], model == ModelFunction.Rerank ? arguments[1] : null, arguments[^1]);
            ModelCalls.Add(call);
            return call;
        }

        if (f.Star || f.Distinct || !FunctionRegistry.TryGet(f.Name, f.Arguments.Count, out var function))
        {
            throw context.Error(StoreErrors.UndefinedFunction(f.Name, f.Arguments.Count), f.Line, f.Column);
        }

        return new FunctionNode(function, f.Arguments.Select(Bind).ToList());
    }

    /// <summary><c>bm25(column, ..., query)</c>: the columns, in index order, name one table's bm25 index.</summary>
    private Bm25ScoreNode BindScore(FunctionCallExpression f)
    {
        var columns = f.Arguments.Take(f.Arguments.Count - 1).Select(a => a is ColumnExpression c
            ? TextColumn(c)
            : throw context.Error(StoreErrors.InvalidArgument($"{TextSearch.Method}() takes the indexed columns in index order, then the query, as {TextSearch.Method}(body, :q) or {TextSearch.Method}(title, body, :q)"), a.Line, a.Column)).ToList();
        if (columns.Select(c => c.Table).Distinct(StringComparer.OrdinalIgnoreCase).Skip(1).Any())
        {
            throw context.Error(StoreErrors.InvalidArgument($"{TextSearch.Method}() names columns of one table"), f.Line, f.Column);
        }

        return new Bm25ScoreNode(columns[0].Table, [.. columns.Select(c => c.Name)], [.. columns.Select(c => c.Position)], Bind(f.Arguments[^1]));
    }

    /// <summary><c>column MATCH query</c> through the bm25 index on that column.</summary>
    private MatchNode BindMatch(MatchExpression m)
    {
        var column = m.Operand is ColumnExpression c
            ? TextColumn(c)
            : throw context.Error(StoreErrors.InvalidArgument("MATCH takes a column with a bm25 index on its left, as body MATCH :q"), m.Line, m.Column);
        return new MatchNode(column.Table, column.Name, column.Position, Bind(m.Query));
    }

    /// <summary>A column a full-text index may cover: a stored table's column, with its table, name and position in the scope.</summary>
    private (string Table, string Name, int Position) TextColumn(ColumnExpression column) => context.At(column, () =>
    {
        var position = scope.Resolve(column.Table, column.Name);
        var source = scope.Columns[position];
        return source.BaseTable is { } table
            ? (table, source.Name, position)
            : throw StoreErrors.InvalidArgument($"{SyntaxText.Of(column)} is not a stored table's column, so no {TextSearch.Method} index covers it");
    });
}
