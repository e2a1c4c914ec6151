using Store.Access.Indexing;
using Store.Core.Values;
using Store.Core.Vectors;

namespace Store.Access.Vectors;

/// <summary>
/// A vector index as one transaction sees it (HNSW or IVF): kept in step with the table's
/// writes, and searched with a breadth (HNSW's ef_search, IVF's probes).
/// </summary>
internal interface IVectorIndex : IMethodIndex
{
    VectorMetric Metric { get; }

    /// <summary>The position of the indexed VECTOR column in the table's rows.</summary>
    int Column { get; }

    /// <summary>
    /// Whether <see cref="Search"/>'s distances come from the stored float vectors rather than
    /// quantized codes, so its order is the SQL distance order and a query that needs only the
    /// row ids is answered without reading the rows.
    /// </summary>
    bool DistancesAreExact { get; }

    void Insert(long rowId, float[] vector);

    void IMethodIndex.Insert(long rowId, DbValue[] row)
    {
        if (row[Column].Kind == DbValueKind.Vector)
        {
            Insert(rowId, row[Column].AsVector);
        }
    }

    void Delete(long rowId);

    void IMethodIndex.Delete(long rowId, DbValue[] row) => Delete(rowId);

    /// <summary>
    /// The k nearest rows that <paramref name="allowed"/> accepts, nearest first by the index's
    /// distance; null when this transaction cannot use the loaded index (see
    /// <see cref="VectorIndexCache"/>), and the caller answers exactly instead.
    /// </summary>
    List<(long RowId, float Distance)>? Search(float[] query, int k, int breadth, Func<long, bool>? allowed);

    /// <summary>Rows the index can return; null as in <see cref="Search"/>.</summary>
    int? LiveCount();
}
