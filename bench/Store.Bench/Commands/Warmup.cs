using System.Diagnostics;

namespace Store.Bench.Commands;

/// <summary>
/// Untimed runs before a measurement, long enough for tiered compilation to finish (methods
/// are recompiled in the background after about 30 calls, with a delay): at least one pass
/// over the inputs and at least <see cref="MinimumTime"/>.
/// </summary>
internal static class Warmup
{
    public static readonly TimeSpan MinimumTime = TimeSpan.FromSeconds(2);

    public static void Run<T>(IReadOnlyList<T> inputs, Action<T> operation)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            foreach (var input in inputs)
            {
                operation(input);
            }
        }
        while (clock.Elapsed < MinimumTime);
    }
}
