using System.Text.Json.Serialization;

namespace Store.Bench.Commands.Ann;

/// <summary>
/// One system at one setting: an object of the <c>ann</c> JSON output. The peers print the
/// same objects (one JSON line each), so theirs are read with this type too.
/// </summary>
internal sealed record AnnResult(
    [property: JsonPropertyName("system")] string System,
    [property: JsonPropertyName("index")] string Index,
    [property: JsonPropertyName("params")] IReadOnlyDictionary<string, object> Params,
    [property: JsonPropertyName("recall_at_k")] double RecallAtK,
    [property: JsonPropertyName("qps_1t")] double QueriesPerSecondOneThread,
    [property: JsonPropertyName("qps_all")] double QueriesPerSecondAllThreads,
    [property: JsonPropertyName("mean_us")] double MeanMicroseconds,
    [property: JsonPropertyName("p99_us")] double P99Microseconds,
    [property: JsonPropertyName("build_s")] double BuildSeconds,
    [property: JsonPropertyName("index_bytes")] long IndexBytes,
    [property: JsonPropertyName("peak_rss_bytes")] long PeakRssBytes)
{
    /// <summary>How a figure was measured where it differs from Store's (a batched qps_all, a generic build).</summary>
    [JsonPropertyName("note")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }

    /// <summary>The params as <c>name=value</c> pairs, for the printed table.</summary>
    public string FormatParams() => string.Join(" ", Params.Select(p => $"{p.Key}={p.Value}"));
}
