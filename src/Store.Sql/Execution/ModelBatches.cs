using Store.Core.Values;
using Store.Sql.Expressions;
using Store.Sql.Functions;

namespace Store.Sql.Execution;

/// <summary>
/// Runs the document embeddings of <c>embed</c> and <c>rerank</c> calls over many rows as batched model runs (the encoder sorts each
/// batch by length and pads it only to its longest text) before the rows are evaluated one by
/// one, which then find their vectors in <see cref="EvaluationContext.Prefetched"/>. Query
/// embeddings are not batched: they are one per statement and cached.
/// </summary>
internal static class ModelBatches
{
    /// <summary>Rows taken at a time: several full model batches, few enough vectors to hold.</summary>
    public const int RowsAtATime = 256;

    /// <summary>The rows, each group of them with the calls' vectors computed ahead.</summary>
    public static IEnumerable<DbValue[]> Prefetching(IEnumerable<DbValue[]> rows, IReadOnlyList<ModelCallNode> calls, EvaluationContext context) =>
        calls.Any(Batched) ? Chunked(rows, calls, context) : rows;

    /// <summary>Computes the vectors of the calls' texts over <paramref name="rows"/>, one model run per batch of distinct texts.</summary>
    public static void Prefetch(IReadOnlyList<DbValue[]> rows, IReadOnlyList<ModelCallNode> calls, EvaluationContext context)
    {
        var work = calls.Where(Batched)
            .SelectMany(call => rows.Select(row => (Call: call, Arguments: call.Arguments(row, context))))
            .Where(w => w.Arguments is not null && !context.Prefetched.ContainsKey((w.Call, w.Arguments.Value.Text)))
            .Select(w => (w.Call, w.Arguments!.Value.Model, w.Arguments.Value.Text));
        foreach (var model in work.GroupBy(w => w.Model, StringComparer.OrdinalIgnoreCase))
        {
            var texts = model.Select(w => w.Text).Distinct(StringComparer.Ordinal).ToList();
            var vectors = context.Models.Dense(model.Key).EncodeDocuments(texts);
            var byText = texts.Zip(vectors).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            foreach (var (call, _, text) in model)
            {
                context.Prefetched[(call, text)] = byText[text];
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
            foreach (var row in chunk)
            {
                yield return row;
            }
        }

        context.Prefetched.Clear();
    }
}
