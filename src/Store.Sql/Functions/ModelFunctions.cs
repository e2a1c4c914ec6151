using System.Collections.Frozen;

namespace Store.Sql.Functions;

/// <summary>The functions that run a model (bound to <see cref="Expressions.ModelCallNode"/>, not to a <see cref="ScalarFunction"/>).</summary>
internal enum ModelFunction
{
    /// <summary><c>embed([model,] text)</c>: a document's vector.</summary>
    Embed,

    /// <summary><c>embed_query([model,] text)</c>: a search query's vector, with the model's query prefix.</summary>
    EmbedQuery,

    /// <summary><c>rerank([model,] query, text)</c>: how well the text answers the query, higher is better.</summary>
    Rerank,

    /// <summary><c>sparse_embed(model, text)</c>: a text's sparse vector over the model's vocabulary.</summary>
    SparseEmbed,
}

/// <summary>
/// Model function names and their arguments; without the model argument the model is the
/// default one, except for sparse_embed: no built-in model is sparse.
/// </summary>
internal static class ModelFunctions
{
    /// <summary>Each function by name, with the arguments it takes besides the model, and whether the model may be left out.</summary>
    private static readonly FrozenDictionary<string, (ModelFunction Function, int Arguments, bool ModelOptional)> ByName = new Dictionary<string, (ModelFunction, int, bool)>
    {
        ["embed"] = (ModelFunction.Embed, 1, true),
        ["embed_query"] = (ModelFunction.EmbedQuery, 1, true),
        ["rerank"] = (ModelFunction.Rerank, 2, true),
        ["sparse_embed"] = (ModelFunction.SparseEmbed, 1, false),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool TryGet(string name, int arguments, out ModelFunction function)
    {
        var found = ByName.TryGetValue(name, out var entry) && (arguments == entry.Arguments + 1 || (entry.ModelOptional && arguments == entry.Arguments));
        function = entry.Function;
        return found;
    }

    /// <summary>Whether a call's model argument was given (it is always first).</summary>
    public static bool NamesModel(ModelFunction function, int arguments) => arguments == ByName[NameOf(function)].Arguments + 1;

    /// <summary>The model argument a call that names none gets: the default model.</summary>
    public static Expressions.ConstantNode DefaultModelArgument() => new(Core.Values.DbValue.FromText(Inference.ModelHost.DefaultModel));

    public static string NameOf(ModelFunction function) => ByName.First(p => p.Value.Function == function).Key;
}
