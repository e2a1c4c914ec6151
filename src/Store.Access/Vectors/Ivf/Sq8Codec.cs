using System.Numerics.Tensors;
using Store.Core.Vectors;

namespace Store.Access.Vectors.Ivf;

/// <summary>
/// Scalar quantization to one byte per dimension between the minimum and maximum seen in
/// training for that dimension (values outside are clamped). A code is scored by the fused
/// kernels of <see cref="ScalarQuantization"/> without being decoded: asymmetric, the query is
/// never quantized.
/// </summary>
internal sealed class Sq8Codec(VectorMetric metric, int dimensions) : VectorCodec(metric, dimensions)
{
    private float[] _minimum = new float[dimensions];
    private float[] _step = Enumerable.Repeat(1f / 255, dimensions).ToArray();

    public override int CodeSize => Dimensions;

    public override void Train(IReadOnlyList<(float[] Vector, float[] Centroid)> sample)
    {
        if (sample.Count == 0)
        {
            return;
        }

        for (var d = 0; d < Dimensions; d++)
        {
            var (low, high) = (float.MaxValue, float.MinValue);
            foreach (var (vector, _) in sample)
            {
                (low, high) = (Math.Min(low, vector[d]), Math.Max(high, vector[d]));
            }

            _minimum[d] = low;
            _step[d] = high > low ? (high - low) / 255 : 1f / 255;
        }
    }

    public override void Encode(ReadOnlySpan<float> vector, ReadOnlySpan<float> centroid, Span<byte> code)
    {
        for (var d = 0; d < Dimensions; d++)
        {
            code[d] = (byte)Math.Clamp(MathF.Round((vector[d] - _minimum[d]) / _step[d]), 0, 255);
        }
    }

    public override void Score(float[] query, float[] centroid, ReadOnlySpan<byte> codes, int count, Span<float> distances)
    {
        Span<float> folded = Dimensions <= 1024 ? stackalloc float[Dimensions] : new float[Dimensions];
        if (Metric == VectorMetric.L2)
        {
            TensorPrimitives.Subtract(query, _minimum, folded);
            for (var i = 0; i < count; i++)
            {
                distances[i] = ScalarQuantization.L2Squared(folded, _step, codes.Slice(i * Dimensions, Dimensions));
            }

            return;
        }

        TensorPrimitives.Multiply(query, _step, folded);
        var constant = VectorDistance.Dot(query, _minimum);
        for (var i = 0; i < count; i++)
        {
            distances[i] = IndexedVectors.DistanceFromDot(Metric, constant + ScalarQuantization.WeightedSum(folded, codes.Slice(i * Dimensions, Dimensions)));
        }
    }

    public override byte[] Save() => [.. Bytes(_minimum), .. Bytes(_step)];

    public override void Load(byte[] saved)
    {
        var floats = Floats(saved);
        _minimum = floats[..Dimensions].ToArray();
        _step = floats[Dimensions..(2 * Dimensions)].ToArray();
    }
}
