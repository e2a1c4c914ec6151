using Store.Core.Vectors;

namespace Store.Core.Tests.Vectors;

public class ScalarQuantizationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(128)]
    [InlineData(385)]
    public void Decode_equals_minimum_plus_step_times_code(int dimensions)
    {
        var random = new Random(dimensions);
        var codes = Enumerable.Range(0, dimensions).Select(_ => (byte)random.Next(256)).ToArray();
        var minimum = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        var step = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() / 64)).ToArray();
        var decoded = new float[dimensions];

        ScalarQuantization.Decode(codes, minimum, step, decoded);

        for (var i = 0; i < dimensions; i++)
        {
            Assert.Equal(minimum[i] + (step[i] * codes[i]), decoded[i], 1e-5f);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(128)]
    [InlineData(385)]
    public void Fused_kernels_equal_the_distances_to_the_decoded_code(int dimensions)
    {
        var random = new Random(dimensions);
        float[] Floats(double scale) => Enumerable.Range(0, dimensions).Select(_ => (float)((random.NextDouble() - 0.5) * scale)).ToArray();
        var (query, minimum) = (Floats(4), Floats(4));
        var step = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() / 64)).ToArray();
        var codes = Enumerable.Range(0, dimensions).Select(_ => (byte)random.Next(256)).ToArray();
        var decoded = new float[dimensions];
        ScalarQuantization.Decode(codes, minimum, step, decoded);

        var shifted = query.Zip(minimum, (q, m) => q - m).ToArray();
        var weights = query.Zip(step, (q, s) => q * s).ToArray();
        var tolerance = 1e-4f * (1 + VectorDistance.L2Squared(query, decoded));

        Assert.Equal(VectorDistance.L2Squared(query, decoded), ScalarQuantization.L2Squared(shifted, step, codes), tolerance);
        Assert.Equal(VectorDistance.Dot(query, decoded), VectorDistance.Dot(query, minimum) + ScalarQuantization.WeightedSum(weights, codes), tolerance);
    }

    [Fact]
    public void Fused_kernels_reject_a_code_of_another_length()
    {
        var error = Assert.Throws<Store.Core.Errors.StoreException>(() => ScalarQuantization.L2Squared(new float[8], new float[8], new byte[7]));
        Assert.Equal(Store.Core.Errors.ErrorCode.InvalidArgument, error.Code);
        Assert.Throws<Store.Core.Errors.StoreException>(() => ScalarQuantization.WeightedSum(new float[8], new byte[9]));
    }
}
