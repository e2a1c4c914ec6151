using System.Globalization;
using Store.Core.Errors;

namespace Store.Core.Vectors;

/// <summary>
/// A sparse vector: strictly increasing dimension indices with finite, non-zero-count weights.
/// The constructor validates, so every instance is well formed.
/// </summary>
public sealed class SparseVector : IEquatable<SparseVector>
{
    private readonly uint[] _indices;
    private readonly float[] _weights;

    public SparseVector(uint[] indices, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(weights);
        if (indices.Length != weights.Length)
        {
            throw StoreErrors.InvalidArgument($"sparse vector has {indices.Length} indices but {weights.Length} weights");
        }

        for (var i = 0; i < indices.Length; i++)
        {
            if (i > 0 && indices[i] <= indices[i - 1])
            {
                throw StoreErrors.InvalidArgument($"sparse vector indices must be strictly increasing (index {indices[i]} after {indices[i - 1]})");
            }

            if (!float.IsFinite(weights[i]))
            {
                throw StoreErrors.InvalidArgument($"sparse vector weight for index {indices[i]} is not finite");
            }
        }

        _indices = indices;
        _weights = weights;
    }

    public int Count => _indices.Length;

    public ReadOnlySpan<uint> Indices => _indices;

    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>Dot product of two sparse vectors by merging their sorted index lists.</summary>
    public float Dot(SparseVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        float sum = 0;
        int i = 0, j = 0;
        while (i < _indices.Length && j < other._indices.Length)
        {
            var a = _indices[i];
            var b = other._indices[j];
            if (a == b)
            {
                sum += _weights[i++] * other._weights[j++];
            }
            else if (a < b)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }

    /// <summary>The sum of squared weights.</summary>
    public double SquaredNorm()
    {
        double sum = 0;
        foreach (var weight in _weights)
        {
            sum += (double)weight * weight;
        }

        return sum;
    }

    /// <summary>Squared Euclidean distance by merging the index lists: exact where the norms are far larger than the distance, unlike |a|^2 + |b|^2 - 2ab.</summary>
    public double L2Squared(SparseVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        double sum = 0;
        int i = 0, j = 0;
        while (i < _indices.Length || j < other._indices.Length)
        {
            double difference;
            if (j == other._indices.Length || (i < _indices.Length && _indices[i] < other._indices[j]))
            {
                difference = _weights[i++];
            }
            else if (i == _indices.Length || other._indices[j] < _indices[i])
            {
                difference = other._weights[j++];
            }
            else
            {
                difference = (double)_weights[i++] - other._weights[j++];
            }

            sum += difference * difference;
        }

        return sum;
    }

    public bool Equals(SparseVector? other) =>
        other is not null && Indices.SequenceEqual(other.Indices) && Weights.SequenceEqual(other.Weights);

    public override bool Equals(object? obj) => Equals(obj as SparseVector);

    public override int GetHashCode() => HashCode.Combine(Count, Count > 0 ? _indices[0] : 0);

    public override string ToString() =>
        "{" + string.Join(", ", _indices.Select((ix, i) => ix.ToString(CultureInfo.InvariantCulture) + ":" + Values.ValueText.Float(_weights[i]))) + "}";
}
