using Store.Access.Catalog;
using Store.Core.Errors;
using Store.Core.Vectors;

namespace Store.Access.Vectors.Ivf;

/// <summary>
/// Reads <c>USING ivf (column) WITH (metric = 'l2' | 'ip' | 'cosine', lists = 100,
/// quantizer = 'flat' | 'sq8' | 'pq', pq_m = 8, rerank = 0)</c>, checking every option.
/// </summary>
internal static class IvfOptions
{
    public const string Method = "ivf";

    private static readonly string[] Known = ["metric", "lists", "quantizer", "pq_m", "rerank"];

    public static IvfParameters Parse(IndexSchema index, TableSchema table)
    {
        if (index.Columns.Count != 1)
        {
            throw StoreErrors.InvalidArgument($"an ivf index covers one vector column, not {index.Columns.Count}");
        }

        var dimensions = VectorColumns.DimensionsOf(table, index.Columns[0]);
        var (metric, lists, quantizer, pqM, rerank) = (VectorMetric.L2, 100, IvfQuantizer.Flat, 0, 0);
        foreach (var (name, value) in index.OptionList)
        {
            switch (name.ToLowerInvariant())
            {
                case "metric":
                    metric = VectorColumns.ParseMetric(value);
                    break;
                case "lists":
                    lists = VectorColumns.IntegerOption("ivf", name, value, 1, 1_000_000);
                    break;
                case "quantizer":
                    quantizer = Enum.TryParse<IvfQuantizer>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _)
                        ? parsed
                        : throw StoreErrors.InvalidArgument($"unknown ivf quantizer '{value}' (flat, sq8 or pq)");
                    break;
                case "pq_m":
                    pqM = VectorColumns.IntegerOption("ivf", name, value, 1, dimensions);
                    break;
                case "rerank":
                    rerank = VectorColumns.IntegerOption("ivf", name, value, 0, 100_000);
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
}
