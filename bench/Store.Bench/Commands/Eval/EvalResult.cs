using System.Text.Json.Serialization;

namespace Store.Bench.Commands.Eval;

/// <summary>One pipeline's figures on one collection, as the <c>eval</c> JSON writes them.</summary>
internal sealed record EvalResult(
    [property: JsonPropertyName("collection")] string Collection,
    [property: JsonPropertyName("pipeline")] string Pipeline,
    [property: JsonPropertyName("ndcg_at_10")] double NdcgAt10,
    [property: JsonPropertyName("recall_at_100")] double RecallAt100,
    [property: JsonPropertyName("mrr_at_10")] double MrrAt10,
    [property: JsonPropertyName("queries")] int Queries,
    [property: JsonPropertyName("docs")] int Docs,
    [property: JsonPropertyName("encode_docs_per_s")] double? EncodeDocsPerSecond,
    [property: JsonPropertyName("mean_query_ms")] double MeanQueryMs);
