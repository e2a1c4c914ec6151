namespace Store.Sql.Functions;

/// <summary>The functions that run a model (bound to <see cref="Expressions.ModelCallNode"/>, not to a <see cref="ScalarFunction"/>).</summary>
internal enum ModelFunction
{
    /// <summary><c>embed([model,] text)</c>: a document's vector.</summary>
    Embed,

    /// <summary><c>embed_query([model,] text)</c>: a search query's vector, with the model's query prefix.</summary>
    EmbedQuery,
}

/// <summary>Model function names; with one argument the model is the default one.</summary>
internal static class ModelFunctions
{
    public static bool TryGet(string name, int arguments, out ModelFunction function)
    {
        function = name.ToLowerInvariant() switch
        {
            "embed" => ModelFunction.Embed,
            "embed_query" => ModelFunction.EmbedQuery,
            _ => (ModelFunction)(-1),
        };
        return Enum.IsDefined(function) && arguments is 1 or 2;
    }

    public static string NameOf(ModelFunction function) => function == ModelFunction.Embed ? "embed" : "embed_query";
}
