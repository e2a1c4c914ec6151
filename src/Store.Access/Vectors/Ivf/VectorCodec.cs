using System.Runtime.InteropServices;
using Store.Core.Vectors;

namespace Store.Access.Vectors.Ivf;

/// <summary>
/// How an IVF list stores vectors as fixed-size codes and scores a whole list of them against
/// a query, by the distance the index orders by (squared L2, negative inner product, or
/// 1 - cosine of unit vectors). Codes may depend on the list's centroid (PQ encodes the
/// residual). Trained state is saved with <see cref="Save"/> and restored by <see cref="Load"/>.
/// </summary>
internal abstract class VectorCodec(VectorMetric metric, int dimensions)
{
    public VectorMetric Metric { get; } = metric;

    public int Dimensions { get; } = dimensions;

    public abstract int CodeSize { get; }

    public abstract void Encode(ReadOnlySpan<float> vector, ReadOnlySpan<float> centroid, Span<byte> code);

    /// <summary>Writes the distance of each of <paramref name="count"/> codes to <paramref name="distances"/>.</summary>
    public abstract void Score(float[] query, float[] centroid, ReadOnlySpan<byte> codes, int count, Span<float> distances);

    public abstract byte[] Save();

    public static VectorCodec Create(IvfParameters parameters) => parameters.Quantizer switch
    {
        IvfQuantizer.Flat => new FlatCodec(parameters.Metric, parameters.Dimensions),
        IvfQuantizer.Sq8 => new Sq8Codec(parameters.Metric, parameters.Dimensions),
        _ => new PqCodec(parameters.Metric, parameters.Dimensions, parameters.PqM),
    };

    /// <summary>Learns what encoding needs from a sample of (vector, its list's centroid) pairs; the flat codec needs nothing.</summary>
    public virtual void Train(IReadOnlyList<(float[] Vector, float[] Centroid)> sample)
    {
    }

    public virtual void Load(byte[] saved)
    {
    }

    /// <summary>The index's distance between two full vectors.</summary>
    public float Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => IndexedVectors.Distance(Metric, a, b);

    protected static ReadOnlySpan<float> Floats(ReadOnlySpan<byte> bytes) => MemoryMarshal.Cast<byte, float>(bytes);

    protected static byte[] Bytes(ReadOnlySpan<float> floats) => MemoryMarshal.AsBytes(floats).ToArray();
}

/// <summary>The vector itself, as little-endian float32.</summary>
internal sealed class FlatCodec(VectorMetric metric, int dimensions) : VectorCodec(metric, dimensions)
{
    public override int CodeSize => Dimensions * sizeof(float);

    public override void Encode(ReadOnlySpan<float> vector, ReadOnlySpan<float> centroid, Span<byte> code) =>
        MemoryMarshal.AsBytes(vector).CopyTo(code);

    public override void Score(float[] query, float[] centroid, ReadOnlySpan<byte> codes, int count, Span<float> distances)
    {
        var vectors = Floats(codes);
        for (var i = 0; i < count; i++)
        {
            distances[i] = Distance(query, vectors.Slice(i * Dimensions, Dimensions));
        }
    }

    public override byte[] Save() => [];
}
