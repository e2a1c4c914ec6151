using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;
using Store.Sql.Values;

namespace Store.Sql.Operators;

/// <summary>
/// Joins every left row with every right row that satisfies the condition (the right side is
/// read once and held in memory). A left join emits an unmatched left row with NULLs.
/// </summary>
internal sealed class NestedLoopJoinNode(PlanNode left, PlanNode right, BoundExpression condition, bool isLeftJoin) : PlanNode
{
    public override Scope Scope { get; } = left.Scope.Concat(right.Scope);

    public override IReadOnlyList<PlanNode> Children => [left, right];

    public override IEnumerable<DbValue[]> Execute(QueryContext context)
    {
        List<DbValue[]>? inner = null;
        var width = right.Scope.Columns.Count;
        foreach (var outer in left.Execute(context))
        {
            inner ??= right.Execute(context).ToList();
            var matched = false;
            foreach (var candidate in inner)
            {
                var row = JoinRows.Combine(outer, candidate);
                if (SqlLogic.IsTrue(condition.Evaluate(row, context.Evaluation)))
                {
                    matched = true;
                    yield return row;
                }
            }

            if (!matched && isLeftJoin)
            {
                yield return JoinRows.Combine(outer, new DbValue[width]);
            }
        }
    }

    public override string Describe(QueryContext context) => $"{(isLeftJoin ? "left " : "")}nested loop join on {condition}";
}
