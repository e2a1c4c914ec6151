using Store.Access.Catalog;
using Store.Core.Errors;
using Store.Core.Vectors;

namespace Store.Access.Vectors.Hnsw;

/// <summary>
/// Reads <c>USING hnsw (column) WITH (metric = 'l2' | 'ip' | 'cosine', m = 16,
/// ef_construction = 200)</c> into graph parameters, checking every option.
/// </summary>
internal static class HnswOptions
{
    public const string Method = "hnsw";

    private static readonly string[] Known = ["metric", "m", "ef_construction"];

    public static HnswParameters Parse(IndexSchema index, TableSchema table)
    {
        if (index.Columns.Count != 1)
        {
            throw StoreErrors.InvalidArgument($"an hnsw index covers one vector column, not {index.Columns.Count}");
        }

        var dimensions = VectorColumns.DimensionsOf(table, index.Columns[0]);
        var metric = VectorMetric.L2;
        var m = HnswParameters.DefaultM;
        var efConstruction = HnswParameters.DefaultEfConstruction;
        foreach (var (name, value) in index.OptionList)
        {
            switch (name.ToLowerInvariant())
            {
                case "metric":
                    metric = VectorColumns.ParseMetric(value);
                    break;
                case "m":
                    m = VectorColumns.IntegerOption("hnsw", name, value, 2, 100);
                    break;
                case "ef_construction":
                    efConstruction = VectorColumns.IntegerOption("hnsw", name, value, 1, 100_000);
                    break;
                default:
                    throw StoreErrors.InvalidArgument($"unknown hnsw option '{name}' (known: {string.Join(", ", Known)})");
            }
        }

        return new HnswParameters(metric, dimensions, m, efConstruction);
    }
}
