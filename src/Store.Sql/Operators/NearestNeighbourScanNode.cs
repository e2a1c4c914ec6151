using Store.Access.Catalog;
using Store.Core.Values;
using Store.Core.Vectors;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;
using Store.Sql.Syntax;
using Store.Sql.Values;

namespace Store.Sql.Operators;

/// <summary>
/// Exact k-nearest-neighbour search over a table without an index: the distance from each
/// stored vector to the query is computed by the SIMD kernel on the page bytes (no row is
/// decoded), and a bounded heap keeps the k nearest. A row is decoded only when its distance
/// would enter the heap, to apply the WHERE filter, so a filter costs little. Emits the k rows
/// (with rowid) nearest first; equal distances keep rowid order. Rows whose distance is
/// undefined (NULL vector, zero vector under cosine) are left out.
/// </summary>
internal sealed class NearestNeighbourScanNode(
    TableInfo table, string alias, int column, VectorMetric metric, BoundExpression query, BoundExpression? filter, BoundExpression limit, BoundExpression? offset) : PlanNode
{
    public override Scope Scope { get; } = TableColumns.ScopeOf(table.Schema, alias);

    public override IEnumerable<DbValue[]> Execute(QueryContext context)
    {
        var target = query.Evaluate([], context.Evaluation);
        var k = RowsWanted(limit, offset, context);
        if (target.IsNull || k == 0)
        {
            return [];
        }

        var vector = VectorDistances.QueryVector(target);
        var rows = context.Catalog.OpenTable(table.Schema.Name);
        // A max-heap on (distance, rowid): the root is the worst row kept. Rowids arrive in
        // increasing order, so a later row with an equal distance never displaces a kept one.
        var heap = new PriorityQueue<(long RowId, DbValue[]? Row), (double Distance, long RowId)>(
            Comparer<(double Distance, long RowId)>.Create((a, b) => b.Distance != a.Distance ? b.Distance.CompareTo(a.Distance) : b.RowId.CompareTo(a.RowId)));
        foreach (var (rowId, distance) in rows.ScanVectors(column, stored => VectorDistances.Distance(metric, stored, vector)))
        {
            if (heap.Count == k && heap.TryPeek(out _, out var worst) && distance >= worst.Distance)
            {
                continue;
            }

            DbValue[]? row = null;
            if (filter is not null)
            {
                row = TableColumns.WithRowId(rows.Get(rowId)!, rowId);
                if (!SqlLogic.IsTrue(filter.Evaluate(row, context.Evaluation)))
                {
                    continue;
                }
            }

            if (heap.Count == k)
            {
                heap.DequeueEnqueue((rowId, row), (distance, rowId));
            }
            else
            {
                heap.Enqueue((rowId, row), (distance, rowId));
            }
        }

        var nearest = new List<(long RowId, DbValue[]? Row)>(heap.Count);
        while (heap.TryDequeue(out var entry, out _))
        {
            nearest.Add(entry);
        }

        nearest.Reverse();
        return nearest.Select(e => e.Row ?? TableColumns.WithRowId(rows.Get(e.RowId)!, e.RowId)).ToList();
    }

    /// <summary>How many nearest rows LIMIT and OFFSET need: the limit plus the offset (all rows for a negative limit).</summary>
    public static int RowsWanted(BoundExpression limit, BoundExpression? offset, QueryContext context)
    {
        var take = LimitNode.Count(limit, context);
        return take < 0 ? int.MaxValue : (int)Math.Min(take + Math.Max(offset is null ? 0 : LimitNode.Count(offset, context), 0), int.MaxValue);
    }

    public override string Describe(QueryContext context) =>
        $"exact nearest-neighbour scan of table {table.Schema.Name}{TableScanNode.AliasText(table, alias)} by {Scope.Columns[column].Name} {Operator} {query} "
        + $"(SIMD distances on stored vectors, bounded heap, k = {limit}{(offset is null ? "" : $" + {offset}")})"
        + (filter is null ? "" : $", rows decoded only to filter {filter}");

    private string Operator => DistanceOperator.Of(metric).Symbol;
}
