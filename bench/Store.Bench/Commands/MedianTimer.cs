using System.Diagnostics;

namespace Store.Bench.Commands;

/// <summary>
/// Times an operation the way these noisy shared machines allow: a warm-up, then several
/// rounds, reporting the median round's time per operation.
/// </summary>
internal static class MedianTimer
{
    public static double MicrosecondsPerOperation(Action operation, int iterations, int rounds = 5)
    {
        // A long warm-up, so the JIT's tiered compilation has settled before anything is timed.
        for (var i = 0; i < Math.Max(iterations / 2, 1); i++)
        {
            operation();
        }

        var perOperation = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                operation();
            }

            perOperation.Add(clock.Elapsed.TotalMicroseconds / iterations);
        }

        perOperation.Sort();
        return perOperation[rounds / 2];
    }
}
