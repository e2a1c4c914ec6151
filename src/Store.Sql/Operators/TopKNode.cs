using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;

namespace Store.Sql.Operators;

/// <summary>
/// ORDER BY with LIMIT: keeps only the best limit + offset rows in a bounded heap, never sorting
/// the whole input; ties keep input order (rowid order for a table scan). For a nearest-neighbour
/// ordering (<see cref="SkipUndefinedDistance"/>) rows whose distance is NULL are left out.
/// </summary>
internal sealed class TopKNode(PlanNode input, IReadOnlyList<SortKey> keys, BoundExpression limit, BoundExpression? offset, bool skipUndefinedDistance) : PlanNode
{
    public bool SkipUndefinedDistance { get; } = skipUndefinedDistance;

    public override Scope Scope => input.Scope;

    public override IReadOnlyList<PlanNode> Children => [input];

    public override IEnumerable<DbValue[]> Execute(QueryContext context)
    {
        var take = LimitNode.Count(limit, context);
        var first = keys[0].Ordinal;
        var order = new RowOrder(keys);
        var k = take < 0 ? long.MaxValue : take + Math.Max(offset is null ? 0 : LimitNode.Count(offset, context), 0);
        if (k > int.MaxValue / 2)
        {
            // No limit (a negative LIMIT) or one beyond any heap: nothing bounds the work, so sort everything.
            return SortNode.Sorted(input.Execute(context), keys, SkipUndefinedDistance);
        }

        if (k == 0)
        {
            return [];
        }

        // A max-heap on (key, sequence): the root is the worst row kept, evicted by any better one.
        var heap = new PriorityQueue<DbValue[], (DbValue[] Row, long Sequence)>(
            Comparer<(DbValue[] Row, long Sequence)>.Create((a, b) =>
            {
                var c = order.Compare(b.Row, a.Row);
                return c != 0 ? c : b.Sequence.CompareTo(a.Sequence);
            }));
        long sequence = 0;
        foreach (var row in input.Execute(context))
        {
            if (SkipUndefinedDistance && row[first].IsNull)
            {
                continue;
            }

            var entry = (row, sequence++);
            if (heap.Count < k)
            {
                heap.Enqueue(row, entry);
            }
            else
            {
                heap.EnqueueDequeue(row, entry);
            }
        }

        var kept = new List<(DbValue[] Row, long Sequence)>(heap.Count);
        while (heap.TryDequeue(out var row, out var priority))
        {
            kept.Add((row, priority.Sequence));
        }

        kept.Reverse();
        return kept.Select(e => e.Row);
    }

    public override string Describe(QueryContext context) =>
        (SkipUndefinedDistance ? $"exact nearest-neighbour top-k (SIMD distances, bounded heap, k = {limit}" : $"top-k sort (bounded heap, k = {limit}")
        + (offset is null ? "" : $" + {offset}") + $") by {string.Join(", ", keys)}";
}
