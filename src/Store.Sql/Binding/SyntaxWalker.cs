using Store.Sql.Syntax;

namespace Store.Sql.Binding;

/// <summary>
/// Walks syntax trees: the expressions inside statements and expressions, for questions asked
/// of the whole tree, and how deep a tree nests. Every walk keeps its own stack rather than
/// recursing, so a hostile statement nested thousands deep costs time in proportion to its
/// size and never the thread's stack.
/// </summary>
internal static class SyntaxWalker
{
    /// <summary>An expression and everything nested in it, subqueries excluded, parents first.</summary>
    public static IEnumerable<Expression> Descendants(Expression expression)
    {
        var pending = new Stack<Expression>();
        pending.Push(expression);
        while (pending.TryPop(out var next))
        {
            yield return next;
            foreach (var child in Children(next).Reverse())
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>Every expression a statement contains, subqueries included, parents first.</summary>
    public static IEnumerable<Expression> AllExpressions(Statement statement) => Nodes(statement).Select(n => n.Node).OfType<Expression>();

    /// <summary>
    /// How deep the statement's tree nests: one level for each expression inside an
    /// expression, and for each query inside a query. With the node where that depth is reached.
    /// </summary>
    public static (int Depth, object Deepest) Depth(Statement statement) =>
        Nodes(statement).Aggregate((Depth: 0, Deepest: (object)statement), (deepest, n) => n.Depth > deepest.Depth ? (n.Depth, n.Node) : deepest);

    /// <summary>The nodes under a statement (expressions, queries, table sources) with their depth below it, parents first.</summary>
    private static IEnumerable<(object Node, int Depth)> Nodes(Statement statement)
    {
        var pending = new Stack<(object Node, int Depth)>();
        pending.Push((statement, 0));
        while (pending.TryPop(out var next))
        {
            if (next.Node is not Statement || next.Depth > 0)
            {
                yield return next;
            }

            foreach (var child in ChildNodes(next.Node).Reverse())
            {
                pending.Push((child, next.Depth + 1));
            }
        }
    }

    private static IEnumerable<object> ChildNodes(object node) => node switch
    {
        Expression expression => Children(expression),
        SelectStatement s =>
        [
            .. s.Items.Where(i => i.Expression is not null).Select(i => i.Expression!),
            .. Optional(s.From),
            .. s.Joins.SelectMany(j => new object[] { j.Source, j.On }),
            .. Optional(s.Where),
            .. s.GroupBy,
            .. Optional(s.Having),
            .. s.OrderBy.Select(o => o.Expression),
            .. Optional(s.Limit),
            .. Optional(s.Offset),
        ],
        SubquerySource sub => [sub.Query],
        RerankSource rerank => [.. rerank.Arguments, rerank.Candidates],
        InsertStatement i => [.. (i.Rows ?? []).SelectMany(r => r), .. Optional(i.Query)],
        UpdateStatement u => [.. u.Assignments.Select(a => a.Value), .. Optional(u.Where)],
        DeleteStatement d => Optional(d.Where),
        SetStatement s => [s.Value],
        ExplainStatement e => [e.Statement],
        CreateIndexStatement c => c.Options.Select(o => o.Value),
        _ => [],
    };

    private static IEnumerable<Expression> Children(Expression expression) => expression switch
    {
        UnaryExpression u => [u.Operand],
        BinaryExpression b => [b.Left, b.Right],
        FunctionCallExpression f => f.Arguments,
        IsNullExpression n => [n.Operand],
        BetweenExpression b => [b.Operand, b.Low, b.High],
        InListExpression i => [i.Operand, .. i.Items],
        LikeExpression l => [l.Operand, l.Pattern],
        MatchExpression m => [m.Operand, m.Query],
        CaseExpression c => [.. Optional(c.Operand), .. c.Branches.SelectMany(b => new[] { b.When, b.Then }), .. Optional(c.Else)],
        CastExpression c => [c.Operand],
        _ => [],
    };

    private static IEnumerable<T> Optional<T>(T? node)
        where T : class => node is null ? [] : [node];
}
