using Store.Core.Errors;
using Store.Core.Values;
using Store.Sql.Functions;

namespace Store.Sql.Expressions;

/// <summary>
/// A call of a model from SQL: <c>embed(model, text)</c> (a document's vector),
/// <c>embed_query(model, text)</c> (a search query's: the model's query prefix added, and
/// cached), <c>sparse_embed(model, text)</c> (a sparse vector from a sparse model),
/// <c>rerank(model, query, text)</c> (a score, higher is better). A result comes from a batch
/// run ahead of the row when there was one.
/// </summary>
/// <remarks>
/// rerank's model is a reranker name (<see cref="Inference.ModelHost.SplitRerankerName"/>): a
/// cross-encoder or late-interaction model, or a dense model re-scoring by exact cosine
/// (<c>model.maxsim</c> and <c>model.listwise</c> choose other methods). No learned reranker
/// ships with Store; a cross-encoder is registered with CREATE MODEL.
/// </remarks>
internal sealed class ModelCallNode(ModelFunction function, BoundExpression model, BoundExpression? query, BoundExpression text) : BoundExpression
{
    public ModelFunction Function { get; } = function;

    public override bool IsRowIndependent => model.IsRowIndependent && (query?.IsRowIndependent ?? true) && text.IsRowIndependent;

    public override DbValue Evaluate(DbValue[] row, EvaluationContext context)
    {
        if (Arguments(row, context) is not var (name, question, text))
        {
            return DbValue.Null;
        }

        if (Function == ModelFunction.EmbedQuery)
        {
            return DbValue.FromVector(context.Encoder(name).EncodeQuery(text));
        }

        return context.Prefetched.TryGetValue((this, question, text), out var result) ? result : Compute(context, name, question, [text])[0];
    }

    /// <summary>For several texts at once: each one's vector (embed, sparse_embed) or score against <paramref name="query"/> (rerank, in single precision like the vectors it comes from).</summary>
    public DbValue[] Compute(EvaluationContext context, string model, string? query, IReadOnlyList<string> texts) => Function switch
    {
        ModelFunction.Rerank => [.. context.Rerank(model, query!, texts).Select(score => DbValue.FromReal((float)score))],
        ModelFunction.SparseEmbed => [.. context.EncodeSparse(model, texts).Select(v => DbValue.FromSparse(v))],
        _ => [.. context.EncodeDocuments(model, texts).Select(v => DbValue.FromVector(v))],
    };

    /// <summary>The model's name, the query (rerank only) and the text for one row; null when any is NULL.</summary>
    public (string Model, string? Query, string Text)? Arguments(DbValue[] row, EvaluationContext context)
    {
        DbValue[] values = query is null
            ? [model.Evaluate(row, context), text.Evaluate(row, context)]
            : [model.Evaluate(row, context), query.Evaluate(row, context), text.Evaluate(row, context)];
        if (values.Any(v => v.IsNull))
        {
            return null;
        }

        return values.All(v => v.Kind == DbValueKind.Text)
            ? (values[0].AsText, query is null ? null : values[1].AsText, values[^1].AsText)
            : throw StoreErrors.TypeMismatch($"{ModelFunctions.NameOf(Function)}() takes a model name and TEXT, got {string.Join(", ", values.Select(v => v.Kind))}");
    }

    public override string ToString() => $"{ModelFunctions.NameOf(Function)}({string.Join(", ", new[] { model, query, text }.OfType<BoundExpression>())})";
}
