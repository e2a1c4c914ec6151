using Store.Sql.Syntax;

namespace Store.Sql.Binding;

/// <summary>Enumerates the expressions inside statements and expressions, for questions asked of the whole tree.</summary>
internal static class SyntaxWalker
{
    /// <summary>An expression and everything nested in it, subqueries excluded, parents first.</summary>
    public static IEnumerable<Expression> Descendants(Expression expression)
    {
        yield return expression;
        foreach (var child in Children(expression))
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    /// <summary>Every expression a statement contains, subqueries included.</summary>
    public static IEnumerable<Expression> AllExpressions(Statement statement) =>
        TopLevel(statement).SelectMany(Descendants);

    private static IEnumerable<Expression> Children(Expression expression) => expression switch
    {
        UnaryExpression u => [u.Operand],
        BinaryExpression b => [b.Left, b.Right],
        FunctionCallExpression f => f.Arguments,
        IsNullExpression n => [n.Operand],
        BetweenExpression b => [b.Operand, b.Low, b.High],
        InListExpression i => [i.Operand, .. i.Items],
        LikeExpression l => [l.Operand, l.Pattern],
        CaseExpression c => [.. Optional(c.Operand), .. c.Branches.SelectMany(b => new[] { b.When, b.Then }), .. Optional(c.Else)],
        CastExpression c => [c.Operand],
        _ => [],
    };

    private static IEnumerable<Expression> TopLevel(Statement statement) => statement switch
    {
        SelectStatement s => SelectExpressions(s),
        InsertStatement i => [.. (i.Rows ?? []).SelectMany(r => r), .. i.Query is null ? [] : SelectExpressions(i.Query)],
        UpdateStatement u => [.. u.Assignments.Select(a => a.Value), .. Optional(u.Where)],
        DeleteStatement d => Optional(d.Where),
        SetStatement s => [s.Value],
        ExplainStatement e => TopLevel(e.Statement),
        CreateIndexStatement c => c.Options.Select(o => o.Value),
        _ => [],
    };

    private static IEnumerable<Expression> SelectExpressions(SelectStatement s) =>
    [
        .. s.Items.Where(i => i.Expression is not null).Select(i => i.Expression!),
        .. Sources(s.From),
        .. s.Joins.SelectMany(j => Sources(j.Source).Append(j.On)),
        .. Optional(s.Where),
        .. s.GroupBy,
        .. Optional(s.Having),
        .. s.OrderBy.Select(o => o.Expression),
        .. Optional(s.Limit),
        .. Optional(s.Offset),
    ];

    private static IEnumerable<Expression> Sources(TableSource? source) => source switch
    {
        SubquerySource sub => SelectExpressions(sub.Query),
        RerankSource rerank => [.. rerank.Arguments, .. SelectExpressions(rerank.Candidates)],
        _ => [],
    };

    private static IEnumerable<Expression> Optional(Expression? expression) => expression is null ? [] : [expression];
}
