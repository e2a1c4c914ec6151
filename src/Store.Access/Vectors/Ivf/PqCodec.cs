using Store.Core.Vectors;

namespace Store.Access.Vectors.Ivf;

/// <summary>
/// Product quantization of the residual from the list's centroid (Jégou et al.; faiss's
/// IVFPQ with by_residual): the residual is cut into M sub-vectors, each replaced by the
/// nearest of up to 256 codewords learned by k-means on that sub-space, so a code is M bytes.
/// Scoring is asymmetric through a per-list table of query-to-codeword distances: M lookups
/// and adds per code.
/// </summary>
internal sealed class PqCodec(VectorMetric metric, int dimensions, int m) : VectorCodec(metric, dimensions)
{
    private const int MaxCodewords = 256;

    /// <summary>The distance table of the list being scored, reused: a fresh one per probed list was most of a query's garbage.</summary>
    [ThreadStatic]
    private static float[]? t_table;

    private readonly int _sub = dimensions / m;
    private float[][] _codebooks = Enumerable.Range(0, m).Select(_ => new float[dimensions / m]).ToArray();
    private int _codewords = 1;

    public override int CodeSize => m;

    public override void Train(IReadOnlyList<(float[] Vector, float[] Centroid)> sample)
    {
        if (sample.Count == 0)
        {
            return;
        }

        var residuals = sample.Select(s => Residual(s.Vector, s.Centroid)).ToList();
        _codewords = Math.Min(MaxCodewords, residuals.Count);
        _codebooks = new float[m][];
        for (var j = 0; j < m; j++)
        {
            var offset = j * _sub;
            var subVectors = residuals.Select(r => r.AsSpan(offset, _sub).ToArray()).ToList();
            var centroids = KMeans.Train(subVectors, _codewords, iterations: 12, seed: 1000 + j);
            _codebooks[j] = centroids.SelectMany(c => c).ToArray();
        }
    }

    public override void Encode(ReadOnlySpan<float> vector, ReadOnlySpan<float> centroid, Span<byte> code)
    {
        Span<float> residual = stackalloc float[Dimensions];
        for (var d = 0; d < Dimensions; d++)
        {
            residual[d] = vector[d] - centroid[d];
        }

        for (var j = 0; j < m; j++)
        {
            var part = residual.Slice(j * _sub, _sub);
            var (best, bestDistance) = (0, float.MaxValue);
            for (var c = 0; c < _codewords; c++)
            {
                var distance = VectorDistance.L2Squared(part, Codeword(j, c));
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (c, distance);
                }
            }

            code[j] = (byte)best;
        }
    }

    public override void Score(float[] query, ReadOnlySpan<float> centroid, ReadOnlySpan<byte> codes, int count, Span<float> distances)
    {
        var (table, constant) = Table(query, centroid);
        for (var i = 0; i < count; i++)
        {
            var code = codes.Slice(i * m, m);
            var sum = constant;
            for (var j = 0; j < m; j++)
            {
                sum += table[(j * MaxCodewords) + code[j]];
            }

            distances[i] = Metric switch
            {
                VectorMetric.L2 => sum,
                VectorMetric.NegativeInnerProduct => -sum,
                _ => 1 - sum,
            };
        }
    }

    public override byte[] Save()
    {
        var header = BitConverter.GetBytes(_codewords);
        return [.. header, .. Bytes(_codebooks.SelectMany(c => c).ToArray())];
    }

    public override void Load(byte[] saved)
    {
        _codewords = BitConverter.ToInt32(saved, 0);
        var floats = Floats(saved.AsSpan(sizeof(int))).ToArray();
        _codebooks = floats.Chunk(_codewords * _sub).ToArray();
    }

    /// <summary>
    /// For L2, the squared distance from the query's residual to every codeword; for inner
    /// product, the query's dot with every codeword, plus its dot with the centroid as the
    /// constant (the residual's codewords add up to the vector minus the centroid).
    /// </summary>
    private (float[] Table, float Constant) Table(float[] query, ReadOnlySpan<float> centroid)
    {
        var table = t_table is { Length: var length } reused && length >= m * MaxCodewords ? reused : t_table = new float[m * MaxCodewords];
        var l2 = Metric == VectorMetric.L2;
        Span<float> target = stackalloc float[Dimensions];
        for (var d = 0; d < Dimensions; d++)
        {
            target[d] = l2 ? query[d] - centroid[d] : query[d];
        }

        for (var j = 0; j < m; j++)
        {
            var part = target.Slice(j * _sub, _sub);
            for (var c = 0; c < _codewords; c++)
            {
                table[(j * MaxCodewords) + c] = l2 ? VectorDistance.L2Squared(part, Codeword(j, c)) : VectorDistance.Dot(part, Codeword(j, c));
            }
        }

        return (table, l2 ? 0 : VectorDistance.Dot(query, centroid));
    }

    private ReadOnlySpan<float> Codeword(int j, int c) => _codebooks[j].AsSpan(c * _sub, _sub);

    private static float[] Residual(float[] vector, float[] centroid) => vector.Select((x, i) => x - centroid[i]).ToArray();
}
