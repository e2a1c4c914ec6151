using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;

namespace Store.Sql.Operators;

/// <summary>Sorts all rows (stable, so equal keys keep their input order). Used when there is no LIMIT to bound the work.</summary>
internal sealed class SortNode(PlanNode input, IReadOnlyList<SortKey> keys) : PlanNode
{
    public override Scope Scope => input.Scope;

    public override IReadOnlyList<PlanNode> Children => [input];

    public override IEnumerable<DbValue[]> Execute(QueryContext context) => input.Execute(context).Order(new RowOrder(keys));

    public override string Describe(QueryContext context) => $"sort by {string.Join(", ", keys)}";
}
