using Store.Core.Values;
using Store.Sql.Values;

namespace Store.Sql.Expressions;

/// <summary><c>x [NOT] IN (a, b, ...)</c>: true on a match; otherwise unknown if x or any item is NULL, else false.</summary>
internal sealed class InListNode(BoundExpression operand, IReadOnlyList<BoundExpression> items, bool negated) : BoundExpression
{
    public override bool IsRowIndependent => operand.IsRowIndependent && items.All(i => i.IsRowIndependent);

    public override DbValue Evaluate(DbValue[] row, EvaluationContext context)
    {
        var value = operand.Evaluate(row, context);
        if (value.IsNull)
        {
            return DbValue.Null;
        }

        var sawNull = false;
        foreach (var item in items)
        {
            var candidate = item.Evaluate(row, context);
            if (candidate.IsNull)
            {
                sawNull = true;
            }
            else if (SqlComparer.AreEqual(value, candidate))
            {
                return SqlLogic.From(!negated);
            }
        }

        return sawNull ? DbValue.Null : SqlLogic.From(negated);
    }

    public override string ToString() => $"{operand} {(negated ? "NOT IN" : "IN")} ({string.Join(", ", items)})";
}
