using Store.Core.Errors;
using Store.Core.Vectors;

namespace Store.Core.Tests.Vectors;

/// <summary>
/// Checks the public kernels and both kernel families behind them (TensorPrimitives and
/// hand-written SIMD) against a double-precision scalar reference. The lengths straddle every
/// vector width and unrolled block so the vector loops, the single-vector loops and the scalar
/// tails all run.
/// </summary>
public class VectorDistanceTests
{
    // Float sums of n terms drift by about n * 2^-24 of the summed magnitudes in the worst case;
    // the kernels' many partial sums stay far below that, and 1e-5 still catches a lost element.
    private const double Tolerance = 1e-5;

    private static readonly int[] Lengths = [0, 1, 7, 8, 15, 16, 31, 33, 384, 1000];

    private static readonly string[] VariantNames = ["public", "tensors", "handwritten"];

    private delegate float Kernel(ReadOnlySpan<float> a, ReadOnlySpan<float> b);

    public static TheoryData<string> Variants => new(VariantNames);

    public static TheoryData<string, int> VariantsAndLengths
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var variant in VariantNames)
            {
                foreach (var length in Lengths)
                {
                    data.Add(variant, length);
                }
            }

            return data;
        }
    }

    public static TheoryData<string, string> VariantsAndMetrics
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var variant in VariantNames)
            {
                foreach (var metric in new[] { "l2", "dot", "cosine" })
                {
                    data.Add(variant, metric);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(VariantsAndLengths))]
    public void L2Squared_randomVectors_matchesDoubleReference(string variant, int length)
    {
        var (a, b) = RandomPair(length);
        double expected = 0;
        for (var i = 0; i < length; i++)
        {
            var d = (double)a[i] - b[i];
            expected += d * d;
        }

        // Every term is positive, so the sum itself is the magnitude the error scales with.
        AssertClose(expected, KernelOf(variant, "l2")(a, b), Tolerance * expected);
    }

    [Theory]
    [MemberData(nameof(VariantsAndLengths))]
    public void Dot_randomVectors_matchesDoubleReference(string variant, int length)
    {
        var (a, b) = RandomPair(length);
        double expected = 0, magnitude = 0;
        for (var i = 0; i < length; i++)
        {
            expected += (double)a[i] * b[i];
            magnitude += Math.Abs((double)a[i] * b[i]);
        }

        // Signed terms cancel, so the error is relative to the summed magnitudes, not the result.
        AssertClose(expected, KernelOf(variant, "dot")(a, b), Tolerance * magnitude);
    }

    [Theory]
    [MemberData(nameof(VariantsAndLengths))]
    public void Cosine_randomVectors_matchesDoubleReference(string variant, int length)
    {
        var (a, b) = RandomPair(length);
        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < length; i++)
        {
            dot += (double)a[i] * b[i];
            normA += (double)a[i] * a[i];
            normB += (double)b[i] * b[i];
        }

        var actual = KernelOf(variant, "cosine")(a, b);
        if (length == 0)
        {
            Assert.True(float.IsNaN(actual));
            return;
        }

        // The similarity's error is bounded by the dot product's relative to |a||b|, which is
        // at least the summed magnitudes (Cauchy-Schwarz), so an absolute bound suffices.
        AssertClose(1 - (dot / Math.Sqrt(normA * normB)), actual, Tolerance);
    }

    [Fact]
    public void Kernels_smallExample_matchHandComputedValues()
    {
        float[] a = [1, 2, 2];
        float[] b = [2, 0, 1];

        Assert.Equal(6f, VectorDistance.L2Squared(a, b));
        Assert.Equal(4f, VectorDistance.Dot(a, b));

        // cos = 4 / (3 * sqrt(5)).
        Assert.Equal(1 - (4 / (3 * Math.Sqrt(5))), VectorDistance.Cosine(a, b), 1e-6);
    }

    [Theory]
    [MemberData(nameof(VariantsAndMetrics))]
    public void Kernel_lengthsDiffer_throwsInvalidArgument(string variant, string metric)
    {
        var kernel = KernelOf(variant, metric);

        var error = Assert.Throws<StoreException>(() => kernel(new float[16], new float[17]));

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Contains("16 and 17", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Cosine_zeroVector_isNaN(string variant)
    {
        var cosine = KernelOf(variant, "cosine");
        foreach (var length in new[] { 0, 1, 7, 16, 384 })
        {
            var zero = new float[length];
            var (other, _) = RandomPair(length);

            Assert.True(float.IsNaN(cosine(zero, other)), $"zero first, length {length}");
            Assert.True(float.IsNaN(cosine(other, zero)), $"zero second, length {length}");
            Assert.True(float.IsNaN(cosine(zero, zero)), $"both zero, length {length}");
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Cosine_sameOrOppositeDirection_staysWithinZeroToTwo(string variant)
    {
        var cosine = KernelOf(variant, "cosine");
        foreach (var length in Lengths.Where(n => n > 0))
        {
            var (a, _) = RandomPair(length);
            var scaled = a.Select(v => v * 3).ToArray();
            var opposite = a.Select(v => -v).ToArray();

            var same = cosine(a, scaled);
            var reverse = cosine(a, opposite);

            Assert.InRange(same, 0f, 1e-6f);
            Assert.InRange(reverse, 2f - 1e-6f, 2f);
        }
    }

    private static Kernel KernelOf(string variant, string metric) => (variant, metric) switch
    {
        ("public", "l2") => VectorDistance.L2Squared,
        ("public", "dot") => VectorDistance.Dot,
        ("public", "cosine") => VectorDistance.Cosine,
        ("tensors", "l2") => VectorDistance.Tensors.L2Squared,
        ("tensors", "dot") => VectorDistance.Tensors.Dot,
        ("tensors", "cosine") => VectorDistance.Tensors.Cosine,
        ("handwritten", "l2") => VectorDistance.HandWritten.L2Squared,
        ("handwritten", "dot") => VectorDistance.HandWritten.Dot,
        ("handwritten", "cosine") => VectorDistance.HandWritten.Cosine,
        _ => throw new ArgumentOutOfRangeException(nameof(variant), $"{variant}/{metric}"),
    };

    // Seeded by length so every failure reproduces.
    private static (float[] A, float[] B) RandomPair(int length)
    {
        var random = new Random(length);
        var a = new float[length];
        var b = new float[length];
        for (var i = 0; i < length; i++)
        {
            a[i] = (random.NextSingle() * 2) - 1;
            b[i] = (random.NextSingle() * 2) - 1;
        }

        return (a, b);
    }

    private static void AssertClose(double expected, float actual, double tolerance) =>
        Assert.True(
            Math.Abs(actual - expected) <= tolerance,
            $"expected {expected} within {tolerance}, got {actual} (off by {Math.Abs(actual - expected)})");
}
