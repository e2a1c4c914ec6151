using System.Numerics.Tensors;
using Store.Core.Vectors;
using Store.Inference.Models;
using Store.Inference.Tokenization;

namespace Store.Inference.Encoders;

/// <summary>
/// Token vectors to what callers keep: one vector per text (CLS or masked mean pooling, then
/// scaling to unit length when the model asks for it), or each text's content tokens.
/// </summary>
internal static class EmbeddingPooling
{
    /// <summary>One vector per row of <paramref name="batch"/> from the model's output <paramref name="hidden"/>, [batch.Count x batch.Length x dimensions] row-major.</summary>
    public static float[][] Pool(ReadOnlySpan<float> hidden, TokenBatch batch, int dimensions, EncoderSettings settings)
    {
        var vectors = new float[batch.Count][];
        for (var row = 0; row < batch.Count; row++)
        {
            var tokens = hidden.Slice(row * batch.Length * dimensions, batch.Length * dimensions);
            var vector = new float[dimensions];
            if (settings.Pooling == Pooling.Cls)
            {
                tokens[..dimensions].CopyTo(vector);
            }
            else
            {
                var count = batch.TokensOf(row);
                for (var t = 0; t < count; t++)
                {
                    TensorPrimitives.Add(vector, tokens.Slice(t * dimensions, dimensions), vector);
                }

                TensorPrimitives.Multiply(vector, 1f / Math.Max(1, count), vector);
            }

            if (settings.Normalize)
            {
                ScaleToUnitLength(vector);
            }

            vectors[row] = vector;
        }

        return vectors;
    }

    /// <summary>Each row's token vectors without [CLS] (first) and [SEP] (last), each of unit length, row-major [tokens x dimensions].</summary>
    public static float[][] Tokens(ReadOnlySpan<float> hidden, TokenBatch batch, int dimensions)
    {
        var texts = new float[batch.Count][];
        for (var row = 0; row < batch.Count; row++)
        {
            var content = Math.Max(0, batch.TokensOf(row) - 2);
            texts[row] = hidden.Slice(((row * batch.Length) + 1) * dimensions, content * dimensions).ToArray();
            for (var t = 0; t < content; t++)
            {
                ScaleToUnitLength(texts[row].AsSpan(t * dimensions, dimensions));
            }
        }

        return texts;
    }

    private static void ScaleToUnitLength(Span<float> vector)
    {
        var norm = MathF.Sqrt(VectorDistance.Dot(vector, vector));
        if (norm > 0)
        {
            TensorPrimitives.Multiply(vector, 1f / norm, vector);
        }
    }
}
