using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;

namespace Store.Sql.Operators;

/// <summary>The one empty row a SELECT without FROM computes its list over.</summary>
internal sealed class SingleRowNode : PlanNode
{
    public override Scope Scope => Scope.Empty;

    public override IEnumerable<DbValue[]> Execute(QueryContext context) => [[]];

    public override string Describe(QueryContext context) => "single row";
}
