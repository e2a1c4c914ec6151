using Store.Core.Values;
using Store.Sql.Values;

namespace Store.Sql.Expressions;

/// <summary>
/// A CASE expression: the result of the first branch whose WHEN holds (equals the operand, when
/// there is one), else the ELSE value, else NULL.
/// </summary>
internal sealed class CaseNode(BoundExpression? operand, IReadOnlyList<(BoundExpression When, BoundExpression Then)> branches, BoundExpression? otherwise) : BoundExpression
{
    public override bool IsRowIndependent =>
        (operand?.IsRowIndependent ?? true) && branches.All(b => b.When.IsRowIndependent && b.Then.IsRowIndependent) && (otherwise?.IsRowIndependent ?? true);

    public override DbValue Evaluate(DbValue[] row, EvaluationContext context)
    {
        var subject = operand?.Evaluate(row, context);
        foreach (var (when, then) in branches)
        {
            var condition = when.Evaluate(row, context);
            var holds = subject is { } s
                ? !s.IsNull && !condition.IsNull && SqlComparer.AreEqual(s, condition)
                : SqlLogic.IsTrue(condition);
            if (holds)
            {
                return then.Evaluate(row, context);
            }
        }

        return otherwise?.Evaluate(row, context) ?? DbValue.Null;
    }

    public override string ToString() =>
        "CASE" + (operand is null ? "" : " " + operand) + string.Concat(branches.Select(b => $" WHEN {b.When} THEN {b.Then}"))
        + (otherwise is null ? "" : $" ELSE {otherwise}") + " END";
}
