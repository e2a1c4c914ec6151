using BenchmarkDotNet.Attributes;
using Store.Core.Vectors;

namespace Store.Bench.Micro;

/// <summary>
/// The kernels IVF spends its time in, per stored vector: the float32 distance (flat), an SQ8
/// code decoded with vectorized conversions then compared, or scored by the fused kernel
/// without decoding (both against the scalar decode loop IVF used first, the baseline), and a
/// PQ code scored by M table lookups.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class QuantizedKernelBenchmarks
{
    private const int PqM = 16;
    private float[] _query = [];
    private float[] _vector = [];
    private byte[] _code = [];
    private float[] _minimum = [];
    private float[] _step = [];
    private float[] _decoded = [];
    private float[] _shifted = [];
    private float[] _table = [];
    private byte[] _pqCode = [];

    [Params(128, 384)]
    public int Dim { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        float[] Random(int n, float scale) => Enumerable.Range(0, n).Select(_ => (random.NextSingle() - 0.5f) * scale).ToArray();
        (_query, _vector, _minimum) = (Random(Dim, 2), Random(Dim, 2), Random(Dim, 2));
        _step = Enumerable.Range(0, Dim).Select(_ => random.NextSingle() / 100).ToArray();
        _code = Enumerable.Range(0, Dim).Select(_ => (byte)random.Next(256)).ToArray();
        _decoded = new float[Dim];
        _shifted = _query.Zip(_minimum, (q, m) => q - m).ToArray();
        _table = Random(PqM * 256, 1);
        _pqCode = Enumerable.Range(0, PqM).Select(_ => (byte)random.Next(256)).ToArray();
    }

    [Benchmark]
    public float Float32() => VectorDistance.L2Squared(_query, _vector);

    [Benchmark(Baseline = true)]
    public float Sq8ScalarDecode()
    {
        for (var d = 0; d < _decoded.Length; d++)
        {
            _decoded[d] = _minimum[d] + (_step[d] * _code[d]);
        }

        return VectorDistance.L2Squared(_query, _decoded);
    }

    [Benchmark]
    public float Sq8VectorizedDecode()
    {
        ScalarQuantization.Decode(_code, _minimum, _step, _decoded);
        return VectorDistance.L2Squared(_query, _decoded);
    }

    [Benchmark]
    public float Sq8Fused() => ScalarQuantization.L2Squared(_shifted, _step, _code);

    [Benchmark]
    public float PqTableLookups()
    {
        var sum = 0f;
        for (var j = 0; j < PqM; j++)
        {
            sum += _table[(j * 256) + _pqCode[j]];
        }

        return sum;
    }
}
