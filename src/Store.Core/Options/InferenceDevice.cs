namespace Store.Core.Options;

/// <summary>
/// Where models run: the connection string's <c>Device = auto | cpu | cuda</c>. It lives in core,
/// not in inference, because the surfaces (the connection string, the CLI's <c>--device</c>) name it
/// and they reach the inference layer only through the engine.
/// </summary>
public enum InferenceDevice
{
    /// <summary>The GPU through CUDA when one is usable, else the CPU with a one-line notice.</summary>
    Auto,

    /// <summary>The CPU only.</summary>
    Cpu,

    /// <summary>The GPU through CUDA; an error when none is usable.</summary>
    Cuda,
}
