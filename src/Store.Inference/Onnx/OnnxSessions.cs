using Microsoft.ML.OnnxRuntime;
using Store.Core.Errors;
using Store.Core.Options;

namespace Store.Inference.Onnx;

/// <summary>
/// Opens ONNX Runtime sessions on the device asked for: CUDA first unless the CPU is asked
/// for, falling back to the CPU (with a notice) when CUDA is not usable and the choice was
/// <see cref="InferenceDevice.Auto"/>, failing with a typed error when it was
/// <see cref="InferenceDevice.Cuda"/>.
/// </summary>
internal static class OnnxSessions
{
    /// <summary>
    /// Intra-op threads: <c>STORE_INFERENCE_THREADS</c> when set, else one per logical core.
    /// Measured on a 2-core machine, two threads encode 1.7-1.8x faster than one, and ONNX
    /// Runtime's own default (0) ran as one (bench/RESULTS.md, "Inference").
    /// </summary>
    public static int IntraOpThreads =>
        int.TryParse(Environment.GetEnvironmentVariable("STORE_INFERENCE_THREADS"), out var threads) && threads > 0 ? threads : Environment.ProcessorCount;

    public static (InferenceSession Session, bool OnGpu) Open(string model, string path, InferenceDevice device, Action<string> notice)
    {
        if (device != InferenceDevice.Cpu)
        {
            var options = Options();
            // ONNX Runtime logs a failed provider load as an error of its own; the notice below says it once, plainly.
            var logLevel = OrtEnv.Instance().EnvLogLevel;
            OrtEnv.Instance().EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
            try
            {
                options.AppendExecutionProvider_CUDA(0);
                return (new InferenceSession(path, options), true);
            }
            catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
            {
                options.Dispose();
                var reason = e.Message.Split('\n')[0].Trim();
                if (device == InferenceDevice.Cuda)
                {
                    throw StoreErrors.DeviceUnavailable("cuda", reason, e);
                }

                notice($"store: CUDA is not usable here ({reason}); models run on the CPU");
            }
            finally
            {
                OrtEnv.Instance().EnvLogLevel = logLevel;
            }
        }

        try
        {
            return (new InferenceSession(path, Options()), false);
        }
        catch (OnnxRuntimeException e)
        {
            throw StoreErrors.ModelFailed(model, $"ONNX Runtime cannot load {path}: {e.Message}", e);
        }
    }

    private static SessionOptions Options() => new()
    {
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        IntraOpNumThreads = IntraOpThreads,
        InterOpNumThreads = 1,
    };
}
