using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;
using Store.Sql.Values;

namespace Store.Sql.Operators;

/// <summary>Keeps the rows for which a condition is true (not false, not unknown).</summary>
internal sealed class FilterNode(PlanNode input, BoundExpression condition) : PlanNode
{
    public override Scope Scope => input.Scope;

    public override IReadOnlyList<PlanNode> Children => [input];

    public override IEnumerable<DbValue[]> Execute(QueryContext context) =>
        input.Execute(context).Where(row => SqlLogic.IsTrue(condition.Evaluate(row, context.Evaluation)));

    public override string Describe(QueryContext context) => $"filter {condition}";
}
