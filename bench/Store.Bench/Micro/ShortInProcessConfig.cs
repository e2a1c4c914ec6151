using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Store.Bench.Micro;

/// <summary>
/// A short job (three warm-up and three measured iterations) run in-process: the kernels
/// hold no state between calls, so a separate process buys nothing, and skipping the
/// generated project's build keeps a suite to a few minutes on a small machine.
/// </summary>
internal sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
