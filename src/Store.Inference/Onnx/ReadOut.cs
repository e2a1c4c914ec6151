using Store.Inference.Tokenization;

namespace Store.Inference.Onnx;

/// <summary>What <see cref="TextModelRunner.Run{T}"/> makes of one batch's output: one result per input of the batch.</summary>
internal delegate T[] ReadOut<T>(ReadOnlySpan<float> output, TokenBatch batch);
