using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;
using Store.Sql.Functions;
using Store.Sql.Values;

namespace Store.Sql.Operators;

/// <summary>
/// Groups rows by key (hashing, NULLs in one group) and computes the aggregates of each group;
/// emits rows of keys then aggregate values. Without keys it emits exactly one row, even over
/// no input, as <c>SELECT COUNT(*) FROM empty</c> must.
/// </summary>
internal sealed class AggregateNode(PlanNode input, IReadOnlyList<BoundExpression> keys, IReadOnlyList<AggregateCall> aggregates, Scope scope) : PlanNode
{
    public override Scope Scope => scope;

    public override IReadOnlyList<PlanNode> Children => [input];

    public override IEnumerable<DbValue[]> Execute(QueryContext context)
    {
        var groups = new Dictionary<DbValue[], Accumulator[]>(new RowComparer(keys.Count));
        var order = new List<DbValue[]>();
        foreach (var row in input.Execute(context))
        {
            var key = new DbValue[keys.Count];
            for (var i = 0; i < key.Length; i++)
            {
                key[i] = keys[i].Evaluate(row, context.Evaluation);
            }

            if (!groups.TryGetValue(key, out var accumulators))
            {
                accumulators = aggregates.Select(a => new Accumulator(a)).ToArray();
                groups.Add(key, accumulators);
                order.Add(key);
            }

            for (var i = 0; i < accumulators.Length; i++)
            {
                accumulators[i].Add(aggregates[i].Argument?.Evaluate(row, context.Evaluation) ?? DbValue.Null);
            }
        }

        if (keys.Count == 0 && order.Count == 0)
        {
            order.Add([]);
            groups.Add([], aggregates.Select(a => new Accumulator(a)).ToArray());
        }

        foreach (var key in order)
        {
            yield return [.. key, .. groups[key].Select(a => a.Result())];
        }
    }

    public override string Describe(QueryContext context) =>
        (keys.Count == 0 ? "aggregate" : $"hash aggregate by {string.Join(", ", keys)}") + (aggregates.Count == 0 ? "" : $": {string.Join(", ", aggregates)}");
}
