using Store.Access.Catalog;
using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;
using Store.Sql.Values;

namespace Store.Sql.Operators;

/// <summary>
/// Joins each outer row with the rows of a keyed table found by key: by rowid, or through an
/// index on the join column. The key is computed from the outer row; the whole join condition
/// is then checked on the joined row. The looked-up table is normally the right side of the
/// join; for an inner join whose left table has the key it is the left side
/// (<paramref name="lookupIsLeft"/>), and joined rows still list the left table's columns first.
/// </summary>
internal sealed class IndexJoinNode(PlanNode outer, TableInfo table, string alias, IndexInfo? index, BoundExpression key, BoundExpression condition, bool isLeftJoin, bool lookupIsLeft = false) : PlanNode
{
    private readonly Scope _lookup = TableColumns.ScopeOf(table.Schema, alias);

    public override Scope Scope => lookupIsLeft ? _lookup.Concat(outer.Scope) : outer.Scope.Concat(_lookup);

    public override IReadOnlyList<PlanNode> Children => [outer];

    public override IEnumerable<DbValue[]> Execute(QueryContext context)
    {
        var rows = context.Catalog.OpenTable(table.Schema.Name);
        var width = _lookup.Columns.Count;
        foreach (var outerRow in outer.Execute(context))
        {
            var value = key.Evaluate(outerRow, context.Evaluation);
            var matched = false;
            foreach (var rowId in Candidates(rows, value))
            {
                if (rows.Get(rowId) is not { } values)
                {
                    continue;
                }

                var found = TableColumns.WithRowId(values, rowId);
                var row = lookupIsLeft ? JoinRows.Combine(found, outerRow) : JoinRows.Combine(outerRow, found);
                if (SqlLogic.IsTrue(condition.Evaluate(row, context.Evaluation)))
                {
                    matched = true;
                    yield return row;
                }
            }

            if (!matched && isLeftJoin)
            {
                yield return JoinRows.Combine(outerRow, new DbValue[width]);
            }
        }
    }

    public override string Describe(QueryContext context) =>
        $"{(isLeftJoin ? "left " : "")}index join table {table.Schema.Name}{TableScanNode.AliasText(table, alias)}{(lookupIsLeft ? " (left side)" : "")} "
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
