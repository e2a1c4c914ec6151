using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Values;

namespace Store.Sql.Operators;

/// <summary>Passes the first row of each distinct combination of the visible columns.</summary>
internal sealed class DistinctNode(PlanNode input, int width) : PlanNode
{
    public override Scope Scope => input.Scope;

    public override IReadOnlyList<PlanNode> Children => [input];

    public override IEnumerable<DbValue[]> Execute(QueryContext context)
    {
        var seen = new HashSet<DbValue[]>(new RowComparer(width));
        return input.Execute(context).Where(seen.Add);
    }

    public override string Describe(QueryContext context) => "distinct";
}
