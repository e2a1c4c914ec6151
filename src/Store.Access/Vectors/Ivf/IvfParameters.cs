using Store.Access.Indexing;
using Store.Core.Vectors;

namespace Store.Access.Vectors.Ivf;

/// <summary>How an IVF index stores each vector in its list.</summary>
internal enum IvfQuantizer
{
    /// <summary>The float32 vector itself: exact distances within the probed lists.</summary>
    Flat,

    /// <summary>One byte per dimension, scaled between that dimension's trained minimum and maximum.</summary>
    Sq8,

    /// <summary>Product quantization: <see cref="IvfParameters.PqM"/> bytes, one codeword per sub-vector of the residual from the list's centroid.</summary>
    Pq,
}

/// <summary>
/// The shape of an IVF index: <see cref="Lists"/> k-means centroids, the quantizer of the
/// stored codes, the PQ sub-vector count, and how many of the best approximate candidates are
/// re-ranked by their exact distance (0: none).
/// </summary>
internal sealed record IvfParameters(VectorMetric Metric, int Dimensions, int Lists, IvfQuantizer Quantizer, int PqM, int Rerank) : IndexParameters
{
    /// <summary>Bytes of one stored code.</summary>
    public int CodeSize => Quantizer switch
    {
        IvfQuantizer.Flat => Dimensions * sizeof(float),
        IvfQuantizer.Sq8 => Dimensions,
        _ => PqM,
    };
}
