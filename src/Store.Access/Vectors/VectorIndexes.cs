using System.Runtime.CompilerServices;
using Store.Access.Catalog;
using Store.Access.Vectors.Hnsw;
using Store.Access.Vectors.Ivf;
using Store.Core.Errors;
using Store.Storage.Paging;

namespace Store.Access.Vectors;

/// <summary>The vector index methods: checking a new index's options, building it, and opening it in a transaction.</summary>
internal static class VectorIndexes
{
    /// <summary>
    /// Parsed options by index schema. The catalog keeps one schema object per catalog version,
    /// so a query that opens the index finds its options here instead of parsing them again.
    /// </summary>
    private static readonly ConditionalWeakTable<IndexSchema, object> ParsedOptions = [];

    public static bool IsVectorMethod(string method) =>
        string.Equals(method, HnswOptions.Method, StringComparison.OrdinalIgnoreCase) || string.Equals(method, IvfOptions.Method, StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks the options of a new index against its table; a typed error for anything wrong.</summary>
    public static void Validate(IndexSchema index, TableSchema table) => _ = Parameters(index, table);

    public static IVectorIndex Open(ReadTransaction txn, IndexInfo index, TableSchema table)
    {
        if (!ParsedOptions.TryGetValue(index.Schema, out var parameters))
        {
            parameters = Parameters(index.Schema, table);
            ParsedOptions.AddOrUpdate(index.Schema, parameters);
        }

        return parameters switch
        {
            HnswParameters hnsw => new HnswIndex(txn, index, hnsw),
            var ivf => new IvfIndex(txn, index, (IvfParameters)ivf),
        };
    }

    /// <summary>Builds a new index over the table's existing rows.</summary>
    public static void Build(WriteTransaction txn, IndexInfo index, TableSchema table, IReadOnlyList<(long RowId, float[] Vector)> rows)
    {
        switch (Open(txn, index, table))
        {
            case HnswIndex hnsw:
                hnsw.Build(rows, Environment.ProcessorCount);
                break;
            case IvfIndex ivf:
                ivf.Build(rows);
                break;
        }
    }

    private static object Parameters(IndexSchema schema, TableSchema table) => schema.Method.ToLowerInvariant() switch
    {
        HnswOptions.Method => HnswOptions.Parse(schema, table),
        IvfOptions.Method => IvfOptions.Parse(schema, table),
        _ => throw StoreErrors.NotSupported($"index method '{schema.Method}'"),
    };
}
