using Store.Access.Catalog;
using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;

namespace Store.Sql.Operators;

/// <summary>
/// Reads rows through a B+tree index: equal values on its leading columns, then optionally a
/// range on the next one, fetching each row by rowid.
/// </summary>
internal sealed class IndexScanNode(TableInfo table, string alias, IndexInfo index, IReadOnlyList<BoundExpression> equalities, KeyRange? range) : PlanNode
{
    public override Scope Scope { get; } = TableColumns.ScopeOf(table.Schema, alias);

    public override IEnumerable<DbValue[]> Execute(QueryContext context)
    {
        var prefix = equalities.Select(e => e.Evaluate([], context.Evaluation)).ToArray();
        if (prefix.Any(v => v.IsNull))
        {
            yield break;
        }

        var low = range?.Low?.Evaluate([], context.Evaluation);
        var high = range?.High?.Evaluate([], context.Evaluation);
        if (low is { IsNull: true } || high is { IsNull: true })
        {
            yield break;
        }

        var rows = context.Catalog.OpenTable(table.Schema.Name);
        var rowIds = range is null
            ? rows.Seek(index, prefix)
            : rows.SeekRange(index, prefix, low, range.LowInclusive, high, range.HighInclusive);
        foreach (var rowId in rowIds.ToList())
        {
            if (rows.Get(rowId) is { } values)
            {
                yield return TableColumns.WithRowId(values, rowId);
            }
        }
    }

    public override string Describe(QueryContext context)
    {
        var columns = index.Schema.Columns;
        var conditions = equalities.Select((e, i) => $"{columns[i]} = {e}").ToList();
        if (range is not null)
        {
            conditions.Add($"{columns[equalities.Count]} {range}");
        }

        return $"index scan table {table.Schema.Name}{TableScanNode.AliasText(table, alias)} using index {index.Schema.Name} ({string.Join(" and ", conditions)})";
    }
}
