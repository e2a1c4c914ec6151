using Store.Core.Errors;
using Store.Core.Values;
using Store.Sql.Functions;

namespace Store.Sql.Expressions;

/// <summary>
/// A call of a model from SQL: <c>embed(model, text)</c> (a document's vector) or
/// <c>embed_query(model, text)</c> (a search query's: the model's query prefix added, and
/// cached). The vector comes from a batch run ahead of the row when there was one.
/// </summary>
internal sealed class ModelCallNode(ModelFunction function, BoundExpression model, BoundExpression text) : BoundExpression
{
    public ModelFunction Function { get; } = function;

    public BoundExpression Model { get; } = model;

    public BoundExpression Text { get; } = text;

    public override bool IsRowIndependent => Model.IsRowIndependent && Text.IsRowIndependent;

    public override DbValue Evaluate(DbValue[] row, EvaluationContext context)
    {
        if (Arguments(row, context) is not var (name, text))
        {
            return DbValue.Null;
        }

        if (!context.Prefetched.TryGetValue((this, text), out var vector))
        {
            var encoder = context.Models.Dense(name);
            vector = Function == ModelFunction.EmbedQuery ? encoder.EncodeQuery(text) : encoder.EncodeDocuments([text])[0];
        }

        return DbValue.FromVector(vector);
    }

    /// <summary>The model's name and the text for one row; null when either is NULL.</summary>
    public (string Model, string Text)? Arguments(DbValue[] row, EvaluationContext context)
    {
        var (name, text) = (Model.Evaluate(row, context), Text.Evaluate(row, context));
        if (name.IsNull || text.IsNull)
        {
            return null;
        }

        return name.Kind == DbValueKind.Text && text.Kind == DbValueKind.Text
            ? (name.AsText, text.AsText)
            : throw StoreErrors.TypeMismatch($"{ModelFunctions.NameOf(Function)}() takes a model name and a TEXT, got {name.Kind} and {text.Kind}");
    }

    public override string ToString() => $"{ModelFunctions.NameOf(Function)}({Model}, {Text})";
}
