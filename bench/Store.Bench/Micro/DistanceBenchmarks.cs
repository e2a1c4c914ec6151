using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Store.Core.Vectors;

namespace Store.Bench.Micro;

/// <summary>
/// Compares the two kernel families behind <see cref="VectorDistance"/>, TensorPrimitives and
/// hand-written SIMD, per metric and dimension; the public kernels use the faster (see
/// bench/RESULTS.md, "Distance kernels"). Within each metric the TensorPrimitives kernel is the
/// baseline, so the Ratio column reads directly as hand-written time over library time.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class DistanceBenchmarks
{
    private float[] _a = [];
    private float[] _b = [];

    /// <summary>Dimensions of common embedding models (e.g. 384 for MiniLM, 768 for BERT-base).</summary>
    [Params(128, 384, 768)]
    public int Dim { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _a = new float[Dim];
        _b = new float[Dim];
        for (var i = 0; i < Dim; i++)
        {
            _a[i] = (random.NextSingle() * 2) - 1;
            _b[i] = (random.NextSingle() * 2) - 1;
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("L2Squared")]
    public float L2Squared_TensorPrimitives() => VectorDistance.Tensors.L2Squared(_a, _b);

    [Benchmark]
    [BenchmarkCategory("L2Squared")]
    public float L2Squared_HandWritten() => VectorDistance.HandWritten.L2Squared(_a, _b);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Dot")]
    public float Dot_TensorPrimitives() => VectorDistance.Tensors.Dot(_a, _b);

    [Benchmark]
    [BenchmarkCategory("Dot")]
    public float Dot_HandWritten() => VectorDistance.HandWritten.Dot(_a, _b);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Cosine")]
    public float Cosine_TensorPrimitives() => VectorDistance.Tensors.Cosine(_a, _b);

    [Benchmark]
    [BenchmarkCategory("Cosine")]
    public float Cosine_HandWritten() => VectorDistance.HandWritten.Cosine(_a, _b);
}
