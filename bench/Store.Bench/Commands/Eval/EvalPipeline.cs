namespace Store.Bench.Commands.Eval;

/// <summary>
/// One retrieval pipeline of <c>eval</c>, all in SQL: <c>dense</c> (exact cosine search with
/// the model), <c>hnsw</c> (the same through an HNSW index), and either followed by
/// <c>+rerank</c> (the first stage's best <see cref="EvalCommand"/> rerank depth re-scored by
/// <c>rerank()</c>; the rest keep their first-stage order, as reranking evaluations do).
/// </summary>
internal sealed record EvalPipeline(string Name, bool UsesIndex, bool Reranks)
{
    public const int Depth = 100;

    public static EvalPipeline Parse(string name) => name switch
    {
        "dense" => new(name, false, false),
        "hnsw" => new(name, true, false),
        "dense+rerank" => new(name, false, true),
        "hnsw+rerank" => new(name, true, true),
        _ => throw new ArgumentException($"unknown pipeline '{name}' (dense, hnsw, dense+rerank, hnsw+rerank)"),
    };

    public static string FirstStageSql { get; } = $"SELECT doc_id FROM docs ORDER BY emb <=> embed_query(:model, :q) LIMIT {Depth}";

    public static string RerankSql(int depth) =>
        $"SELECT c.doc_id FROM (SELECT doc_id, body FROM docs ORDER BY emb <=> embed_query(:model, :q) LIMIT {depth}) AS c ORDER BY rerank(:model, :q, c.body) DESC";
}
