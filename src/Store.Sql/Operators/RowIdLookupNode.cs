using Store.Access.Catalog;
using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;

namespace Store.Sql.Operators;

/// <summary>Fetches at most one row by its rowid (or INTEGER PRIMARY KEY).</summary>
internal sealed class RowIdLookupNode(TableInfo table, string alias, BoundExpression key) : PlanNode
{
    public override Scope Scope { get; } = TableColumns.ScopeOf(table.Schema, alias);

    public override IEnumerable<DbValue[]> Execute(QueryContext context)
    {
        if (RowIdBounds.TryExact(key.Evaluate([], context.Evaluation), out var rowId)
            && context.Catalog.OpenTable(table.Schema.Name).Get(rowId) is { } values)
        {
            yield return TableColumns.WithRowId(values, rowId);
        }
    }

    public override string Describe(QueryContext context) => $"lookup table {table.Schema.Name}{TableScanNode.AliasText(table, alias)} by rowid = {key}";
}
