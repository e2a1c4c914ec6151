using Store.Core.Values;
using Store.Sql.Values;

namespace Store.Sql.Expressions;

/// <summary><c>x IS [NOT] NULL</c>: always true or false, never unknown.</summary>
internal sealed class IsNullNode(BoundExpression operand, bool negated) : BoundExpression
{
    public override bool IsRowIndependent => operand.IsRowIndependent;

    public override DbValue Evaluate(DbValue[] row, EvaluationContext context) =>
        SqlLogic.From(operand.Evaluate(row, context).IsNull != negated);

    public override string ToString() => negated ? $"{operand} IS NOT NULL" : $"{operand} IS NULL";
}
