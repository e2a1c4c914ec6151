namespace Store.Bench.Commands;

/// <summary>
/// Brute-force nearest neighbours over an in-memory array with the SIMD kernels: the exact
/// answer the vector benchmarks score recall against, and the floor of what a scan costs.
/// </summary>
internal static class ExactSearch
{
    /// <summary>The positions of the <paramref name="k"/> nearest vectors, nearest first.</summary>
    public static int[] Nearest(float[][] vectors, ReadOnlySpan<float> query, int k, BenchMetric metric)
    {
        // A max-heap of the best k so far: its root is the one the next closer vector evicts.
        var heap = new PriorityQueue<int, float>(k + 1, Comparer<float>.Create((a, b) => b.CompareTo(a)));
        for (var i = 0; i < vectors.Length; i++)
        {
            var distance = metric.Distance(vectors[i], query);
            if (float.IsNaN(distance))
            {
                // Cosine to a zero vector is undefined; such rows are left out, as the SQL scan leaves them out.
                continue;
            }

            if (heap.Count < k)
            {
                heap.Enqueue(i, distance);
            }
            else if (heap.TryPeek(out _, out var worst) && distance < worst)
            {
                heap.EnqueueDequeue(i, distance);
            }
        }

        var ids = new int[heap.Count];
        for (var i = ids.Length - 1; i >= 0; i--)
        {
            ids[i] = heap.Dequeue();
        }

        return ids;
    }

    /// <summary>The <paramref name="k"/> nearest of every query, the queries spread over all cores.</summary>
    public static int[][] NearestOfEach(float[][] vectors, float[][] queries, int k, BenchMetric metric)
    {
        var answers = new int[queries.Length][];
        Parallel.For(0, queries.Length, q => answers[q] = Nearest(vectors, queries[q], k, metric));
        return answers;
    }

    /// <summary>Recall@k: the mean over queries of the share of the true k nearest that were found.</summary>
    public static double Recall(IReadOnlyList<int[]> found, IReadOnlyList<int[]> truth, int k) =>
        found.Select((ids, q) => ids.Take(k).Intersect(truth[q].Take(k)).Count() / (double)k).Average();
}
