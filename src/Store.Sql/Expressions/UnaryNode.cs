using Store.Core.Values;
using Store.Sql.Syntax;
using Store.Sql.Values;

namespace Store.Sql.Expressions;

/// <summary>NOT, unary minus or unary plus.</summary>
internal sealed class UnaryNode(UnaryOperator op, BoundExpression operand) : BoundExpression
{
    public override bool IsRowIndependent => operand.IsRowIndependent;

    public override DbValue Evaluate(DbValue[] row, EvaluationContext context)
    {
        var value = operand.Evaluate(row, context);
        return op switch
        {
            UnaryOperator.Not => SqlLogic.Truth(value) is { } truth ? SqlLogic.From(!truth) : DbValue.Null,
            UnaryOperator.Negate => SqlArithmetic.Negate(value),
            _ => value.IsNull || value.Kind is DbValueKind.Integer or DbValueKind.Real ? value : throw SqlArithmetic.NotANumber("+", value),
        };
    }

    public override string ToString() => op switch
    {
        UnaryOperator.Not => $"NOT {operand}",
        UnaryOperator.Negate => $"-{operand}",
        _ => $"+{operand}",
    };
}
