using Store.Sql.Binding;
using Store.Sql.Syntax;

namespace Store.Sql.Planning;

/// <summary>Splits conditions at their top-level ANDs, and recognises the comparisons an access path can use.</summary>
internal static class Conjuncts
{
    public static IEnumerable<Expression> Split(Expression? condition) => condition switch
    {
        null => [],
        BinaryExpression { Operator: BinaryOperator.And } and => Split(and.Left).Concat(Split(and.Right)),
        _ => [condition],
    };

    /// <summary>Whether an expression reads no column (literals, parameters and functions of them).</summary>
    public static bool IsConstant(Expression expression) =>
        !SyntaxWalker.Descendants(expression).Any(e => e is ColumnExpression || (e is FunctionCallExpression f && ExpressionBinder.IsAggregate(f)));

    /// <summary>
    /// A comparison of a column with a constant, written either way round, as (column, operator
    /// with the column on the left, constant); BETWEEN gives two.
    /// </summary>
    public static IEnumerable<(ColumnExpression Column, BinaryOperator Operator, Expression Value)> ColumnComparisons(Expression conjunct)
    {
        switch (conjunct)
        {
            case BinaryExpression { Left: ColumnExpression c, Right: var v } b when IsComparison(b.Operator) && IsConstant(v):
                yield return (c, b.Operator, v);
                break;
            case BinaryExpression { Left: var v, Right: ColumnExpression c } b when IsComparison(b.Operator) && IsConstant(v):
                yield return (c, Mirror(b.Operator), v);
                break;
            case BetweenExpression { Operand: ColumnExpression c, Negated: false } between when IsConstant(between.Low) && IsConstant(between.High):
                yield return (c, BinaryOperator.GreaterOrEqual, between.Low);
                yield return (c, BinaryOperator.LessOrEqual, between.High);
                break;
        }
    }

    private static bool IsComparison(BinaryOperator op) =>
        op is BinaryOperator.Equal or BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual;

    private static BinaryOperator Mirror(BinaryOperator op) => op switch
    {
        BinaryOperator.Less => BinaryOperator.Greater,
        BinaryOperator.LessOrEqual => BinaryOperator.GreaterOrEqual,
        BinaryOperator.Greater => BinaryOperator.Less,
        BinaryOperator.GreaterOrEqual => BinaryOperator.LessOrEqual,
        _ => op,
    };
}
