using Store.Access.Catalog;
using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;
using Store.Sql.Functions;
using Store.Sql.Values;

namespace Store.Sql.Operators;

/// <summary>
/// <c>ORDER BY bm25(columns..., query) DESC LIMIT k</c> over one table, through the bm25 index on
/// those columns: the index's exact top k by score (ties by rowid), with the WHERE filter
/// evaluated on each candidate row the index scores, so k rows come back whenever k rows match.
/// Rows holding none of the query's terms score 0 and sort after every row that holds one; when
/// fewer than k rows score above 0 the rest are those zero-score rows that pass the filter, in
/// rowid order, as the exact ordering would give them (so do all rows for a NULL query, whose
/// scores are all NULL), unless the WHERE clause asked for the query's MATCH
/// (<paramref name="matched"/>), which leaves out every row scoring 0. Emits the rows (with rowid) best first.
/// </summary>
internal sealed class Bm25SearchNode(
    TableInfo table, string alias, IndexInfo index, BoundExpression query, BoundExpression? filter, bool matched, BoundExpression limit, BoundExpression? offset) : PlanNode
{
    public override Scope Scope { get; } = TableColumns.ScopeOf(table.Schema, alias);

    public override IEnumerable<DbValue[]> Execute(QueryContext context)
    {
        var k = NearestNeighbourScanNode.RowsWanted(limit, offset, context);
        if (k == 0)
        {
            return [];
        }

        var rows = context.Catalog.OpenTable(table.Schema.Name);
        bool Passes(DbValue[] row) => filter is null || SqlLogic.IsTrue(filter.Evaluate(row, context.Evaluation));

        // A NULL query scores every row NULL: nothing is searched, and the rows come in rowid order as the exact ordering's ties do.
        var found = TextSearch.QueryText(query.Evaluate([], context.Evaluation)) is { } text
            ? TextSearch.Open(context.Catalog, index).Search(text, k, filter is null ? null : rowId => Passes(TableColumns.WithRowId(rows.Get(rowId)!, rowId)))
            : [];
        var result = found.Select(f => TableColumns.WithRowId(rows.Get(f.RowId)!, f.RowId)).ToList();
        if (result.Count < k && !matched)
        {
            var scored = found.Select(f => f.RowId).ToHashSet();
            result.AddRange(rows.Scan().Where(r => !scored.Contains(r.RowId)).Select(r => TableColumns.WithRowId(r.Values, r.RowId)).Where(Passes).Take(k - result.Count));
        }

        return result;
    }

    public override string Describe(QueryContext context) =>
        $"{TextSearch.Method} search of table {table.Schema.Name}{TableScanNode.AliasText(table, alias)} using index {index.Schema.Name} ({string.Join(", ", index.Schema.Columns)}) "
        + $"for {Terms(context)} (exhaustive scoring of the terms' postings, k = {limit}{(offset is null ? "" : $" + {offset}")})"
        + (matched ? $", only rows matching {query}" : "")
        + (filter is null ? "" : $", filter {filter} on each scored row");

    /// <summary>The query's analyzed terms when its value is known, else the query expression.</summary>
    private string Terms(QueryContext context)
    {
        try
        {
            return TextSearch.QueryText(query.Evaluate([], context.Evaluation)) is { } text
                ? "terms " + string.Join(" ", TextSearch.Open(context.Catalog, index).QueryTerms(text).Select(t => t.Count == 1 ? t.Term : $"{t.Term} x{t.Count}"))
                : "NULL";
        }
        catch (Core.Errors.StoreException)
        {
            return query.ToString();
        }
    }
}
