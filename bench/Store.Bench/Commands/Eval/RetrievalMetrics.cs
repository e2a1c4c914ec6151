namespace Store.Bench.Commands.Eval;

/// <summary>
/// trec_eval's measures as pytrec_eval computes them: <c>ndcg_cut.10</c> with linear gains
/// (the grade itself) and a log2(rank + 1) discount, normalised by the best ordering of all
/// judged documents; <c>recall.100</c>; and the reciprocal rank of the first relevant
/// document within the top 10.
/// </summary>
internal static class RetrievalMetrics
{
    public static double NdcgAt(int k, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged)
    {
        var dcg = ranked.Take(k).Select((id, i) => Gain(judged, id) / Math.Log2(i + 2)).Sum();
        var ideal = judged.Values.Where(g => g > 0).OrderDescending().Take(k).Select((g, i) => g / Math.Log2(i + 2)).Sum();
        return ideal > 0 ? dcg / ideal : 0;
    }

    public static double RecallAt(int k, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged)
    {
        var relevant = judged.Count(j => j.Value > 0);
        return relevant == 0 ? 0 : (double)ranked.Take(k).Count(id => Gain(judged, id) > 0) / relevant;
    }

    public static double ReciprocalRankAt(int k, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged)
    {
        var first = ranked.Take(k).ToList().FindIndex(id => Gain(judged, id) > 0);
        return first < 0 ? 0 : 1.0 / (first + 1);
    }

    private static int Gain(IReadOnlyDictionary<string, int> judged, string id) => judged.TryGetValue(id, out var grade) ? Math.Max(0, grade) : 0;
}
