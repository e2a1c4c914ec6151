using Store.Core.Values;
using Store.Sql.Expressions;
using Store.Sql.Functions;

namespace Store.Sql.Execution;

/// <summary>
/// Runs the <c>embed</c>, <c>sparse_embed</c> and <c>rerank</c> calls of many rows as batched model runs (the
/// encoder sorts each batch by length and pads it only to its longest text) before the rows
/// are evaluated one by one, which then find their results in
/// <see cref="EvaluationContext.Prefetched"/>. Query embeddings are not batched: they are one
/// per statement and cached.
/// </summary>
internal static class ModelBatches
{
    /// <summary>Rows taken at a time: two full model batches, and progress reported that often.</summary>
    public const int RowsAtATime = 64;

    /// <summary>The rows, each group of them with the calls' results computed ahead.</summary>
    public static IEnumerable<DbValue[]> Prefetching(IEnumerable<DbValue[]> rows, IReadOnlyList<ModelCallNode> calls, EvaluationContext context) =>
        calls.Any(Batched) ? Chunked(rows, calls, context) : rows;

    /// <summary>Computes the calls' results over <paramref name="rows"/>: one model run per batch of distinct texts for each call, model and query.</summary>
    public static void Prefetch(IReadOnlyList<DbValue[]> rows, IReadOnlyList<ModelCallNode> calls, EvaluationContext context)
    {
        var work = calls.Where(Batched)
            .SelectMany(call => rows.Select(row => (Call: call, Arguments: call.Arguments(row, context))))
            .Where(w => w.Arguments is not null)
            .Select(w => (w.Call, w.Arguments!.Value.Model, w.Arguments.Value.Query, w.Arguments.Value.Text))
            .Where(w => !context.Prefetched.ContainsKey((w.Call, w.Query, w.Text)));
        foreach (var group in work.GroupBy(w => (w.Call, w.Model, w.Query)))
        {
            var texts = group.Select(w => w.Text).Distinct(StringComparer.Ordinal).ToList();
            var results = group.Key.Call.Compute(context, group.Key.Model, group.Key.Query, texts);
            for (var i = 0; i < texts.Count; i++)
            {
                context.Prefetched[(group.Key.Call, group.Key.Query, texts[i])] = results[i];
            }
        }
    }

    private static bool Batched(ModelCallNode call) => call.Function != ModelFunction.EmbedQuery;

    private static IEnumerable<DbValue[]> Chunked(IEnumerable<DbValue[]> rows, IReadOnlyList<ModelCallNode> calls, EvaluationContext context)
    {
        foreach (var chunk in rows.Chunk(RowsAtATime))
        {
            context.Prefetched.Clear();
            Prefetch(chunk, calls, context);
            context.ModelRowsDone(chunk.Length);
            foreach (var row in chunk)
            {
                yield return row;
            }
        }

        context.Prefetched.Clear();
    }
}
