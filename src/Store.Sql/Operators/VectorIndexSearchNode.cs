using Store.Access.Catalog;
using Store.Access.Indexing;
using Store.Core.Values;
using Store.Core.Vectors;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;
using Store.Sql.Syntax;
using Store.Sql.Values;

namespace Store.Sql.Operators;

/// <summary>
/// Approximate k-nearest-neighbour search through a vector index (HNSW or IVF), with its
/// search breadth from the session (<c>SET hnsw.ef_search</c>, <c>SET ivf.probes</c>). A WHERE filter is applied before the search when an index on
/// the filter's columns (<paramref name="prefilter"/>) finds the qualifying rows and they are
/// not many: few are ranked exactly, more are handed into the search as the allowed set.
/// Otherwise the filter runs after the search, which widens (4x the rows and the breadth each
/// round) until k rows pass
/// or the index is exhausted, when the exact scan answers; so k rows come back whenever k
/// rows match. The exact scan also answers when this transaction cannot use the loaded index
/// (a concurrent writer is changing it, or the snapshot is older than what is loaded).
/// Rows come out nearest first by the SQL distance, ties in rowid order. When the query reads
/// nothing but the rowid (<paramref name="indexOnly"/>) and the index's distances are exact, the
/// rows are not read: each comes out with only its rowid (and the column aliasing it) set.
/// </summary>
internal sealed class VectorIndexSearchNode(
    NearestNeighbourScanNode exact, IndexInfo index, int column, VectorMetric metric, BoundExpression query, BoundExpression? filter, PlanNode? prefilter,
    BoundExpression limit, BoundExpression? offset, SearchSetting breadth, bool indexOnly) : PlanNode
{
    public override Scope Scope => exact.Scope;

    public override IReadOnlyList<PlanNode> Children => prefilter is null ? [] : [prefilter];

    public override IEnumerable<DbValue[]> Execute(QueryContext context)
    {
        var target = query.Evaluate([], context.Evaluation);
        var k = NearestNeighbourScanNode.RowsWanted(limit, offset, context);
        if (target.IsNull || k == 0)
        {
            return [];
        }

        var search = new VectorIndexSearch(context, index, column, metric, filter, prefilter, VectorDistances.QueryVector(target), k, context.Setting(breadth));
        return (filter is not null ? search.Filtered() : indexOnly ? search.IndexOnly(exact.Scope.Columns.Count) : search.Unfiltered()) ?? exact.Execute(context);
    }

    public override string Describe(QueryContext context) =>
        $"{index.Schema.Method} search of table {index.Schema.Table} by {exact.Scope.Columns[column].Name} {DistanceOperator.Of(metric).Symbol} {query} "
        + $"using index {index.Schema.Name} ({breadth.ShortName} = {context.Setting(breadth)}, k = {limit}{(offset is null ? "" : $" + {offset}")})"
        + (indexOnly ? ", index only" : "")
        + (filter is null ? ""
            : prefilter is null ? $", filter {filter} after the search, widening until k rows pass"
            : $", filter {filter} before the search when the rows found below are few, else after it");
}
