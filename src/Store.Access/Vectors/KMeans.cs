using Store.Core.Vectors;

namespace Store.Access.Vectors;

/// <summary>
/// Lloyd's k-means under squared L2 with k-means++ seeding (Arthur and Vassilvitskii): each
/// next seed is drawn with probability proportional to its squared distance from the nearest
/// seed so far. A cluster left empty takes over the point farthest from its centroid. Runs on
/// a sample; assignment passes run in parallel.
/// </summary>
internal static class KMeans
{
    public static float[][] Train(IReadOnlyList<float[]> points, int k, int iterations, int seed)
    {
        k = Math.Min(k, points.Count);
        if (k == 0)
        {
            return [];
        }

        var random = new Random(seed);
        var centroids = Seed(points, k, random);
        var assignment = new int[points.Count];
        var distances = new float[points.Count];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Parallel.For(0, points.Count, i => (assignment[i], distances[i]) = Nearest(centroids, points[i]));
            centroids = Update(points, assignment, distances, k);
        }

        return centroids;
    }

    /// <summary>The index of the centroid nearest to <paramref name="point"/> by squared L2, and that distance.</summary>
    public static (int Index, float Distance) Nearest(IReadOnlyList<float[]> centroids, ReadOnlySpan<float> point)
    {
        var (best, bestDistance) = (0, float.MaxValue);
        for (var c = 0; c < centroids.Count; c++)
        {
            var distance = VectorDistance.L2Squared(centroids[c], point);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (c, distance);
            }
        }

        return (best, bestDistance);
    }

    private static float[][] Seed(IReadOnlyList<float[]> points, int k, Random random)
    {
        var centroids = new List<float[]>(k) { (float[])points[random.Next(points.Count)].Clone() };
        var nearest = points.Select(p => VectorDistance.L2Squared(p, centroids[0])).ToArray();
        while (centroids.Count < k)
        {
            var total = nearest.Sum(d => (double)d);
            var target = random.NextDouble() * total;
            var chosen = points.Count - 1;
            for (var i = 0; i < points.Count && total > 0; i++)
            {
                target -= nearest[i];
                if (target <= 0)
                {
                    chosen = i;
                    break;
                }
            }

            var centroid = (float[])points[total > 0 ? chosen : random.Next(points.Count)].Clone();
            centroids.Add(centroid);
            Parallel.For(0, points.Count, i => nearest[i] = Math.Min(nearest[i], VectorDistance.L2Squared(points[i], centroid)));
        }

        return centroids.ToArray();
    }

    private static float[][] Update(IReadOnlyList<float[]> points, int[] assignment, float[] distances, int k)
    {
        var dimensions = points[0].Length;
        var sums = new double[k][];
        var counts = new int[k];
        for (var c = 0; c < k; c++)
        {
            sums[c] = new double[dimensions];
        }

        for (var i = 0; i < points.Count; i++)
        {
            var sum = sums[assignment[i]];
            counts[assignment[i]]++;
            for (var d = 0; d < dimensions; d++)
            {
                sum[d] += points[i][d];
            }
        }

        var centroids = new float[k][];
        var farthest = Enumerable.Range(0, points.Count).OrderByDescending(i => distances[i]).GetEnumerator();
        for (var c = 0; c < k; c++)
        {
            if (counts[c] == 0 && farthest.MoveNext())
            {
                centroids[c] = (float[])points[farthest.Current].Clone();
                continue;
            }

            centroids[c] = sums[c].Select(s => (float)(s / Math.Max(counts[c], 1))).ToArray();
        }

        return centroids;
    }
}
