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
}
