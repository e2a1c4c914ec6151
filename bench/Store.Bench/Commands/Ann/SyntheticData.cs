namespace Store.Bench.Commands.Ann;

/// <summary>
/// Seeded synthetic vectors shaped like real embeddings rather than uniform noise. Uniform
/// random vectors in many dimensions are nearly equidistant, which makes approximate search
/// unrealistically hard; real embeddings gather in clusters and vary along few directions.
/// So each point is a cluster centre plus a spread inside that cluster's own low-dimensional
/// subspace plus a little isotropic noise. Queries come from the same distribution (they are
/// not copies of base points), as unseen queries do.
/// </summary>
internal sealed class SyntheticData
{
    // The subspace dimension (roughly the data's intrinsic dimension) and the spread within a
    // cluster (per coordinate, against 1 between centres, so clusters overlap) were tuned so
    // that hnswlib at M = 16 over 100,000 x 128 reaches recall@10 0.91 at ef 10 and 0.98 at ef 20:
    // neither trivial nor as hard as uniform noise. Lower values make the data easier.
    private const int SubspaceDimensions = 32;

    private const double ClusterSpread = 1.0;

    private const double IsotropicNoise = 0.1;

    private readonly Random _random;
    private readonly int _dimensions;
    private readonly float[][] _centres;
    private readonly float[][][] _subspaces;

    public SyntheticData(int clusters, int dimensions, int seed)
    {
        _random = new Random(seed);
        _dimensions = dimensions;
        _centres = new float[clusters][];
        _subspaces = new float[clusters][][];
        var axisScale = ClusterSpread / Math.Sqrt(SubspaceDimensions);
        for (var c = 0; c < clusters; c++)
        {
            _centres[c] = Gaussians(dimensions, 1.0);
            _subspaces[c] = Enumerable.Range(0, SubspaceDimensions).Select(_ => Gaussians(dimensions, axisScale)).ToArray();
        }
    }

    /// <summary>Draws <paramref name="count"/> points, L2-normalised when <paramref name="normalise"/> (data for cosine).</summary>
    public float[][] Draw(int count, bool normalise)
    {
        var points = new float[count][];
        for (var i = 0; i < count; i++)
        {
            var cluster = _random.Next(_centres.Length);
            var point = Gaussians(_dimensions, IsotropicNoise);
            for (var d = 0; d < _dimensions; d++)
            {
                point[d] += _centres[cluster][d];
            }

            foreach (var axis in _subspaces[cluster])
            {
                var weight = (float)Gaussian();
                for (var d = 0; d < _dimensions; d++)
                {
                    point[d] += weight * axis[d];
                }
            }

            if (normalise)
            {
                var norm = MathF.Sqrt(point.Sum(x => x * x));
                for (var d = 0; d < _dimensions; d++)
                {
                    point[d] /= norm;
                }
            }

            points[i] = point;
        }

        return points;
    }

    private float[] Gaussians(int length, double deviation)
    {
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = (float)(Gaussian() * deviation);
        }

        return values;
    }

    // Box-Muller; 1 - NextDouble() is in (0, 1], so the logarithm is finite.
    private double Gaussian() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
