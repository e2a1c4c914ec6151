using Store.Access.Indexing;
using Store.Core.Vectors;

namespace Store.Access.Vectors.Hnsw;

/// <summary>
/// The shape of an HNSW graph (Malkov and Yashunin): <see cref="M"/> links per node on the
/// upper layers and twice that on layer 0, a candidate list of <see cref="EfConstruction"/>
/// while inserting, and layers drawn with probability falling by a factor of M per layer.
/// </summary>
internal sealed record HnswParameters(VectorMetric Metric, int Dimensions, int M, int EfConstruction) : IndexParameters
{
    public const int DefaultM = 16;
    public const int DefaultEfConstruction = 200;

    /// <summary>Links a node keeps on layer 0.</summary>
    public int MaxLinks0 => 2 * M;

    public int MaxLinks(int level) => level == 0 ? MaxLinks0 : M;

    public double LevelMultiplier => 1 / Math.Log(M);
}
