using System.Globalization;
using Store.Core.Errors;
using Store.Core.Vectors;

namespace Store.Core.Values;

/// <summary>
/// The text forms of vectors: dense <c>'[0.1, 0.2, 0.3]'</c> (pgvector's) and sparse
/// <c>'{12:0.5, 873:1.2}'</c> (index to weight, in any order, each index once).
/// </summary>
public static class VectorLiteral
{
    public static float[] ParseDense(string text)
    {
        var body = text.AsSpan().Trim();
        if (body.Length < 2 || body[0] != '[' || body[^1] != ']')
        {
            throw StoreErrors.MalformedLiteral("vector", text, "expected [x, y, ...]");
        }

        body = body[1..^1];
        if (body.IsWhiteSpace())
        {
            throw StoreErrors.MalformedLiteral("vector", text, "a vector needs at least one element");
        }

        var values = new List<float>();
        foreach (var range in body.Split(','))
        {
            var part = body[range].Trim();
            if (!float.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !float.IsFinite(value))
            {
                throw StoreErrors.MalformedLiteral("vector", text, $"'{part}' is not a finite number");
            }

            values.Add(value);
        }

        return values.ToArray();
    }

    public static SparseVector ParseSparse(string text)
    {
        var body = text.AsSpan().Trim();
        if (body.Length < 2 || body[0] != '{' || body[^1] != '}')
        {
            throw StoreErrors.MalformedLiteral("sparse vector", text, "expected {index:weight, ...}");
        }

        body = body[1..^1];
        var entries = new SortedDictionary<uint, float>();
        if (!body.IsWhiteSpace())
        {
            foreach (var range in body.Split(','))
            {
                var part = body[range];
                var colon = part.IndexOf(':');
                if (colon < 0
                    || !uint.TryParse(part[..colon].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    || !float.TryParse(part[(colon + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight)
                    || !float.IsFinite(weight))
                {
                    throw StoreErrors.MalformedLiteral("sparse vector", text, $"'{part.Trim()}' is not index:weight");
                }

                if (!entries.TryAdd(index, weight))
                {
                    throw StoreErrors.MalformedLiteral("sparse vector", text, $"index {index} appears twice");
                }
            }
        }

        return new SparseVector(entries.Keys.ToArray(), entries.Values.ToArray());
    }
}
