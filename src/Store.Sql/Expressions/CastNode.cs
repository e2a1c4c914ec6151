using Store.Core.Values;
using Store.Sql.Values;

namespace Store.Sql.Expressions;

/// <summary><c>CAST(x AS type)</c>.</summary>
internal sealed class CastNode(BoundExpression operand, ColumnType target) : BoundExpression
{
    public override bool IsRowIndependent => operand.IsRowIndependent;

    public override DbValue Evaluate(DbValue[] row, EvaluationContext context) => SqlCast.Convert(operand.Evaluate(row, context), target);

    public override string ToString() => $"CAST({operand} AS {target})";
}
