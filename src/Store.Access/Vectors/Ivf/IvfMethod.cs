using Store.Access.Indexing;
using Store.Core.Errors;
using Store.Core.Vectors;

namespace Store.Access.Vectors.Ivf;

/// <summary>
/// <c>USING ivf (column) WITH (metric = 'l2' | 'ip' | 'cosine', lists = 100,
/// quantizer = 'flat' | 'sq8' | 'pq', pq_m = 8, rerank = 0)</c>, searched in as many lists as
/// <c>SET ivf.probes</c> says.
/// </summary>
internal sealed class IvfMethod() : VectorIndexMethod(new SearchSetting("ivf.probes", Default: 10, Min: 1, Max: 1_000_000))
{
    private static readonly string[] Known = ["metric", "lists", "quantizer", "pq_m", "rerank"];

    public override string Name => "ivf";

    public override IVectorIndex Open(IndexContext context) => Typed(context);

    protected override IndexParameters Parse(IReadOnlyList<KeyValuePair<string, string>> options, int dimensions)
    {
        var (metric, lists, quantizer, pqM, rerank) = (VectorMetric.L2, 100, IvfQuantizer.Flat, 0, 0);
        foreach (var (name, value) in options)
        {
            switch (name.ToLowerInvariant())
            {
                case "metric":
                    metric = VectorIndexOptions.ParseMetric(value);
                    break;
                case "lists":
                    lists = VectorIndexOptions.IntegerOption(Name, name, value, 1, 1_000_000);
                    break;
                case "quantizer":
                    quantizer = Enum.TryParse<IvfQuantizer>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _)
                        ? parsed
                        : throw StoreErrors.InvalidArgument($"unknown ivf quantizer '{value}' (flat, sq8 or pq)");
                    break;
                case "pq_m":
                    pqM = VectorIndexOptions.IntegerOption(Name, name, value, 1, dimensions);
                    break;
                case "rerank":
                    rerank = VectorIndexOptions.IntegerOption(Name, name, value, 0, 100_000);
                    break;
                default:
                    throw StoreErrors.InvalidArgument($"unknown ivf option '{name}' (known: {string.Join(", ", Known)})");
            }
        }

        if (quantizer == IvfQuantizer.Pq)
        {
            pqM = pqM == 0 ? Math.Max(1, dimensions / 8) : pqM;
            if (dimensions % pqM != 0)
            {
                throw StoreErrors.InvalidArgument($"ivf option pq_m must divide the {dimensions} dimensions, and {pqM} does not");
            }
        }

        return new IvfParameters(metric, dimensions, lists, quantizer, pqM, rerank);
    }

    protected override void Build(IndexContext context, IReadOnlyList<(long RowId, float[] Vector)> rows) =>
        Typed(context).Build(rows);

    private static IvfIndex Typed(IndexContext context) =>
        new(context.Transaction, context.State.VectorIndexes, context.Index, (IvfParameters)context.Index.Parameters);
}
