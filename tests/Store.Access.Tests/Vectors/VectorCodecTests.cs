using Store.Access.Vectors;
using Store.Access.Vectors.Ivf;
using Store.Core.Vectors;

namespace Store.Access.Tests.Vectors;

/// <summary>
/// IVF codes scored against the exact distances, on data the codes represent exactly, so any
/// difference is the scoring's: PQ trained on as many vectors as it has codewords (each
/// sub-vector becomes its own codeword), SQ8 on integer values from 0 to 255 (a step of one).
/// </summary>
public sealed class VectorCodecTests
{
    private const int Dimensions = 32;

    /// <summary>pq_m 8 and 16 score through AVX2 gathers where the CPU has them, 4 through the scalar loop.</summary>
    [Theory]
    [InlineData(4, VectorMetric.L2)]
    [InlineData(8, VectorMetric.L2)]
    [InlineData(16, VectorMetric.L2)]
    [InlineData(8, VectorMetric.NegativeInnerProduct)]
    [InlineData(16, VectorMetric.Cosine)]
    [InlineData(4, VectorMetric.Cosine)]
    public void Pq_scores_equal_the_exact_distances_of_exactly_coded_vectors(int m, VectorMetric metric)
    {
        var random = new Random(m);
        var vectors = Vectors(random, 60, metric, () => (float)(random.NextDouble() - 0.5));
        var centroid = Vectors(random, 1, metric, () => (float)(random.NextDouble() - 0.5))[0];
        var codec = new PqCodec(metric, Dimensions, m);
        codec.Train(vectors.Select(v => (v, centroid)).ToList());

        AssertScoresAreExact(codec, vectors, centroid, metric, random, tolerance: 1e-4f);
    }

    [Theory]
    [InlineData(VectorMetric.L2)]
    [InlineData(VectorMetric.NegativeInnerProduct)]
    [InlineData(VectorMetric.Cosine)]
    public void Sq8_scores_equal_the_exact_distances_of_exactly_coded_vectors(VectorMetric metric)
    {
        var random = new Random(7);
        var vectors = Vectors(random, 60, VectorMetric.L2, () => random.Next(256));
        vectors[0] = Enumerable.Repeat(0f, Dimensions).ToArray();
        vectors[1] = Enumerable.Repeat(255f, Dimensions).ToArray();
        var codec = new Sq8Codec(metric, Dimensions);
        codec.Train(vectors.Select(v => (v, new float[Dimensions])).ToList());

        // The codec scores cosine as 1 - dot, taking stored vectors to be unit length; these are not, which leaves the arithmetic to compare the same.
        AssertScoresAreExact(codec, vectors, new float[Dimensions], metric, random, tolerance: 1e-5f);
    }

    /// <summary>Each code's score equals the exact distance to within <paramref name="tolerance"/> relative to the distance (float rounding of a sum over 32 dimensions).</summary>
    private static void AssertScoresAreExact(VectorCodec codec, float[][] vectors, float[] centroid, VectorMetric metric, Random random, float tolerance)
    {
        var codes = new byte[vectors.Length * codec.CodeSize];
        for (var i = 0; i < vectors.Length; i++)
        {
            codec.Encode(vectors[i], centroid, codes.AsSpan(i * codec.CodeSize, codec.CodeSize));
        }

        for (var q = 0; q < 5; q++)
        {
            var query = Vectors(random, 1, metric, () => (float)(random.NextDouble() * 2))[0];
            var distances = new float[vectors.Length];
            codec.Score(query, centroid, codes, vectors.Length, distances);
            for (var i = 0; i < vectors.Length; i++)
            {
                var exact = IndexedVectors.Distance(metric, query, vectors[i]);
                Assert.Equal(exact, distances[i], tolerance * (1 + Math.Abs(exact)));
            }
        }
    }

    /// <summary>Random vectors; unit length under cosine, as the index stores them.</summary>
    private static float[][] Vectors(Random random, int count, VectorMetric metric, Func<float> value) =>
        Enumerable.Range(0, count)
            .Select(_ => Enumerable.Range(0, Dimensions).Select(_ => value()).ToArray())
            .Select(v => IndexedVectors.Prepare(metric, Dimensions, v)!)
            .ToArray();
}
