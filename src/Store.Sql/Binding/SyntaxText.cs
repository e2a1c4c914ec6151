using Store.Core.Values;
using Store.Sql.Expressions;
using Store.Sql.Syntax;

namespace Store.Sql.Binding;

/// <summary>
/// Canonical text of a syntax expression: the name of an unaliased result column, and the key
/// that matches a select-list or ORDER BY expression to a GROUP BY one (positions ignored).
/// </summary>
internal static class SyntaxText
{
    public static string Of(Expression expression) => expression switch
    {
        LiteralExpression l => l.Value.Kind == DbValueKind.Text ? "'" + l.Value.AsText.Replace("'", "''", StringComparison.Ordinal) + "'" : ValueText.Format(l.Value),
        ColumnExpression c => c.Table is null ? c.Name : $"{c.Table}.{c.Name}",
        ParameterExpression p => p.Name is null ? "?" : ":" + p.Name,
        UnaryExpression u => u.Operator switch
        {
            UnaryOperator.Not => "NOT " + Of(u.Operand),
            UnaryOperator.Negate => "-" + Of(u.Operand),
            _ => "+" + Of(u.Operand),
        },
        BinaryExpression b => $"{Operand(b.Left)} {BinaryNode.Symbol(b.Operator)} {Operand(b.Right)}",
        FunctionCallExpression f => f.Star ? $"{f.Name}(*)" : $"{f.Name}({(f.Distinct ? "DISTINCT " : "")}{string.Join(", ", f.Arguments.Select(Of))})",
        IsNullExpression n => Of(n.Operand) + (n.Negated ? " IS NOT NULL" : " IS NULL"),
        BetweenExpression b => $"{Of(b.Operand)}{(b.Negated ? " NOT" : "")} BETWEEN {Of(b.Low)} AND {Of(b.High)}",
        InListExpression i => $"{Of(i.Operand)}{(i.Negated ? " NOT" : "")} IN ({string.Join(", ", i.Items.Select(Of))})",
        LikeExpression l => $"{Of(l.Operand)}{(l.Negated ? " NOT" : "")} LIKE {Of(l.Pattern)}",
        CaseExpression c => "CASE" + (c.Operand is null ? "" : " " + Of(c.Operand))
            + string.Concat(c.Branches.Select(b => $" WHEN {Of(b.When)} THEN {Of(b.Then)}"))
            + (c.Else is null ? "" : " ELSE " + Of(c.Else)) + " END",
        CastExpression c => $"CAST({Of(c.Operand)} AS {c.TypeName}{(c.Dimensions is { } d ? $"({d})" : "")})",
        _ => expression.GetType().Name,
    };

    /// <summary>A nested binary expression in parentheses, so that different trees never print alike.</summary>
    private static string Operand(Expression expression) => expression is BinaryExpression ? "(" + Of(expression) + ")" : Of(expression);
}
