namespace Store.Bench.Commands.Eval;

/// <summary>
/// One retrieval pipeline of <c>eval</c>, all in SQL: <c>dense</c> (exact cosine search with
/// the model) or <c>hnsw</c> (the same through an HNSW index), optionally followed by a
/// reranker: <c>+rerank</c> (the default <c>rerank(model, ...)</c>), <c>+cosine</c>,
/// <c>+maxsim</c> (<c>rerank('model.maxsim', ...)</c>) or <c>+listwise</c>. The reranker re-scores the first
/// stage's best few; the rest keep their first-stage order, as reranking evaluations do.
/// </summary>
internal sealed record EvalPipeline(string Name, bool UsesIndex, string? Reranker)
{
    public const int Depth = 100;

    public static string FirstStageSql { get; } = $"SELECT doc_id FROM docs ORDER BY emb <=> embed_query(:model, :q) LIMIT {Depth}";

    public static EvalPipeline Parse(string name)
    {
        var parts = name.Split('+');
        if (parts.Length > 2 || parts[0] is not ("dense" or "hnsw") || (parts.Length == 2 && parts[1] is not ("rerank" or "cosine" or "maxsim" or "listwise")))
        {
            throw new ArgumentException($"unknown pipeline '{name}': dense or hnsw, optionally +rerank, +cosine, +maxsim or +listwise");
        }

        return new EvalPipeline(name, parts[0] == "hnsw", parts.Length == 2 ? parts[1] : null);
    }

    /// <summary>The reranker's name for <c>rerank()</c> with <paramref name="model"/>.</summary>
    public string RerankerOf(string model) => Reranker == "rerank" ? model : $"{model}.{Reranker}";

    public static string RerankSql(int depth) =>
        $"SELECT c.doc_id FROM (SELECT doc_id, body FROM docs ORDER BY emb <=> embed_query(:model, :q) LIMIT {depth}) AS c ORDER BY rerank(:reranker, :q, c.body) DESC";
}
