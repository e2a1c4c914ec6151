using Store.Access.Catalog;
using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;
using Store.Sql.Values;

namespace Store.Sql.Planning;

/// <summary>
/// Joins each left row with the right table's rows found by key: by rowid, or through an index
/// on the join column. The key is computed from the left row; the whole join condition is then
/// checked on the joined row.
/// </summary>
internal sealed class IndexJoinNode(PlanNode left, TableInfo table, string alias, IndexInfo? index, BoundExpression key, BoundExpression condition, bool isLeftJoin) : PlanNode
{
    private readonly Scope _right = TableColumns.ScopeOf(table.Schema, alias);

    public override Scope Scope => left.Scope.Concat(_right);

    public override IReadOnlyList<PlanNode> Children => [left];

    public override IEnumerable<DbValue[]> Execute(QueryContext context)
    {
        var rows = context.Catalog.OpenTable(table.Schema.Name);
        var width = _right.Columns.Count;
        foreach (var outer in left.Execute(context))
        {
            var value = key.Evaluate(outer, context.Evaluation);
            var matched = false;
            foreach (var rowId in Candidates(rows, value))
            {
                if (rows.Get(rowId) is not { } values)
                {
                    continue;
                }

                var row = JoinRows.Combine(outer, TableColumns.WithRowId(values, rowId));
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

    public override string Describe() =>
        $"{(isLeftJoin ? "left " : "")}index join table {table.Schema.Name}{TableScanNode.AliasText(table, alias)} "
        + (index is null ? $"by rowid = {key}" : $"using index {index.Schema.Name} ({index.Schema.Columns[0]} = {key})") + $" on {condition}";

    private IEnumerable<long> Candidates(Access.Tables.Table rows, DbValue value)
    {
        if (value.IsNull)
        {
            return [];
        }

        if (index is null)
        {
            return RowIdBounds.TryExact(value, out var rowId) ? [rowId] : [];
        }

        return rows.Seek(index, [value]).ToList();
    }
}
