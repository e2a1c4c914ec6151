using Store.Core.Errors;
using Store.Core.Values;
using Store.Core.Vectors;
using Store.Sql.Functions;

namespace Store.Sql.Expressions;

/// <summary>
/// A call of a model from SQL: <c>embed(model, text)</c> (a document's vector),
/// <c>embed_query(model, text)</c> (a search query's: the model's query prefix added, and
/// cached), <c>rerank(model, query, text)</c> (a score, higher is better). A document's
/// vector comes from a batch run ahead of the row when there was one.
/// </summary>
/// <remarks>
/// rerank is exact cosine re-scoring with the dense model: the query's and the text's
/// embeddings, compared afresh. No learned reranker ships with Store yet (see bench/RESULTS.md
/// for what was measured).
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

        var encoder = context.Models.Dense(name);
        if (Function == ModelFunction.EmbedQuery)
        {
            return DbValue.FromVector(encoder.EncodeQuery(text));
        }

        if (!context.Prefetched.TryGetValue((this, text), out var vector))
        {
            vector = encoder.EncodeDocuments([text])[0];
        }

        return Function == ModelFunction.Embed ? DbValue.FromVector(vector) : DbValue.FromReal(VectorDistance.Dot(encoder.EncodeQuery(question!), vector));
    }

    /// <summary>The model's name, the query (rerank only) and the text for one row; null when any is NULL.</summary>
    public (string Model, string? Query, string Text)? Arguments(DbValue[] row, EvaluationContext context)
    {
        var values = new[] { model.Evaluate(row, context), query?.Evaluate(row, context) ?? DbValue.FromText(""), text.Evaluate(row, context) };
        if (values.Any(v => v.IsNull))
        {
            return null;
        }

        return values.All(v => v.Kind == DbValueKind.Text)
            ? (values[0].AsText, query is null ? null : values[1].AsText, values[2].AsText)
            : throw StoreErrors.TypeMismatch($"{ModelFunctions.NameOf(Function)}() takes a model name and TEXT, got {string.Join(", ", values.Where((_, i) => i != 1 || query is not null).Select(v => v.Kind))}");
    }

    public override string ToString() => $"{ModelFunctions.NameOf(Function)}({string.Join(", ", new[] { model, query, text }.OfType<BoundExpression>())})";
}
