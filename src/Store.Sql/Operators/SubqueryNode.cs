using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;

namespace Store.Sql.Operators;

/// <summary>A subquery in FROM: its rows, with its columns named under the subquery's alias.</summary>
internal sealed class SubqueryNode(PlanNode query, string? alias) : PlanNode
{
    public override Scope Scope { get; } = new(query.Scope.Columns.Select(c => c with { Table = alias }).ToList());

    public override IReadOnlyList<PlanNode> Children => [query];

    public override IEnumerable<DbValue[]> Execute(QueryContext context) => query.Execute(context);

    public override string Describe(QueryContext context) => alias is null ? "subquery" : $"subquery as {alias}";
}
