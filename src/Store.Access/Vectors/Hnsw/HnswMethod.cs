using Store.Access.Indexing;
using Store.Core.Errors;
using Store.Core.Vectors;

namespace Store.Access.Vectors.Hnsw;

/// <summary>
/// <c>USING hnsw (column) WITH (metric = 'l2' | 'ip' | 'cosine', m = 16, ef_construction = 200)</c>,
/// searched as broadly as <c>SET hnsw.ef_search</c> says.
/// </summary>
internal sealed class HnswMethod() : VectorIndexMethod(new SearchSetting("hnsw.ef_search", Default: 40, Min: 1, Max: 100_000))
{
    private static readonly string[] Known = ["metric", "m", "ef_construction"];

    public override string Name => "hnsw";

    public override IVectorIndex Open(IndexContext context) => Typed(context);

    protected override IndexParameters Parse(IReadOnlyList<KeyValuePair<string, string>> options, int dimensions)
    {
        var metric = VectorMetric.L2;
        var m = HnswParameters.DefaultM;
        var efConstruction = HnswParameters.DefaultEfConstruction;
        foreach (var (name, value) in options)
        {
            switch (name.ToLowerInvariant())
            {
                case "metric":
                    metric = VectorIndexOptions.ParseMetric(value);
                    break;
                case "m":
                    m = VectorIndexOptions.IntegerOption(Name, name, value, 2, 100);
                    break;
                case "ef_construction":
                    efConstruction = VectorIndexOptions.IntegerOption(Name, name, value, 1, 100_000);
                    break;
                default:
                    throw StoreErrors.InvalidArgument($"unknown hnsw option '{name}' (known: {string.Join(", ", Known)})");
            }
        }

        return new HnswParameters(metric, dimensions, m, efConstruction);
    }

    protected override void Build(IndexContext context, IReadOnlyList<(long RowId, float[] Vector)> rows) =>
        Typed(context).Build(rows, Environment.ProcessorCount);

    private static HnswIndex Typed(IndexContext context) =>
        new(context.Transaction, context.State.VectorIndexes, context.Index, (HnswParameters)context.Index.Parameters);
}
