using Store.Core.Vectors;

namespace Store.Testing.Vectors;

/// <summary>
/// Seeded test vectors shaped like real embeddings: points scattered around random cluster
/// centres (uniform random vectors are unrealistically hard for graph indexes), and the exact
/// nearest neighbours by brute force, the ground truth recall is measured against.
/// </summary>
public static class ClusteredVectors
{
    public static float[][] Generate(int count, int dimensions, int seed, int clusters = 40)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, clusters).Select(_ => Gaussian(random, dimensions, 1.0)).ToArray();
        return Enumerable.Range(0, count).Select(_ => Around(random, centres[random.Next(clusters)], 0.35)).ToArray();
    }

    /// <summary>Indices of the k vectors nearest to <paramref name="query"/> by <paramref name="metric"/>, ties by index.</summary>
    public static List<int> Nearest(IReadOnlyList<float[]> vectors, float[] query, VectorMetric metric, int k, Func<int, bool>? allowed = null) =>
        Enumerable.Range(0, vectors.Count)
            .Where(i => allowed is null || allowed(i))
            .Select(i => (Index: i, Distance: Distance(metric, vectors[i], query)))
            .OrderBy(v => v.Distance).ThenBy(v => v.Index)
            .Take(k).Select(v => v.Index).ToList();

    /// <summary>The share of <paramref name="expected"/> found in <paramref name="found"/>.</summary>
    public static double Recall<T>(IReadOnlyCollection<T> found, IReadOnlyCollection<T> expected) =>
        expected.Count == 0 ? 1 : (double)found.Intersect(expected).Count() / expected.Count;

    public static double Distance(VectorMetric metric, float[] a, float[] b) => metric switch
    {
        VectorMetric.L2 => VectorDistance.L2Squared(a, b),
        VectorMetric.NegativeInnerProduct => -VectorDistance.Dot(a, b),
        _ => VectorDistance.Cosine(a, b),
    };

    private static float[] Around(Random random, float[] centre, double spread)
    {
        var noise = Gaussian(random, centre.Length, spread);
        return centre.Select((c, i) => c + noise[i]).ToArray();
    }

    private static float[] Gaussian(Random random, int dimensions, double sigma) =>
        Enumerable.Range(0, dimensions).Select(_ => (float)(sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))).ToArray();
}
