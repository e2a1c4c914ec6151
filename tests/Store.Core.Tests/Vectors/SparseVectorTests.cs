using Store.Core.Errors;
using Store.Core.Vectors;

namespace Store.Core.Tests.Vectors;

/// <summary>Checks that <see cref="SparseVector"/> rejects malformed input and merges indices correctly in <see cref="SparseVector.Dot"/>.</summary>
public class SparseVectorTests
{
    [Fact]
    public void Constructor_wellFormedInput_exposesIndicesAndWeights()
    {
        var vector = new SparseVector([2, 5, 9], [0.5f, -1f, 3f]);

        Assert.Equal(3, vector.Count);
        Assert.Equal([2u, 5u, 9u], vector.Indices.ToArray());
        Assert.Equal([0.5f, -1f, 3f], vector.Weights.ToArray());
    }

    [Fact]
    public void Constructor_empty_isAllowed()
    {
        Assert.Equal(0, new SparseVector([], []).Count);
    }

    [Fact]
    public void Constructor_unsortedIndices_throwsInvalidArgument()
    {
        var error = Assert.Throws<StoreException>(() => new SparseVector([1, 7, 3], [1f, 1f, 1f]));

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
    }

    [Fact]
    public void Constructor_duplicateIndices_throwsInvalidArgument()
    {
        var error = Assert.Throws<StoreException>(() => new SparseVector([1, 4, 4], [1f, 1f, 1f]));

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Constructor_nonFiniteWeight_throwsInvalidArgument(float weight)
    {
        var error = Assert.Throws<StoreException>(() => new SparseVector([1, 2], [1f, weight]));

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
    }

    [Fact]
    public void Constructor_countsDiffer_throwsInvalidArgument()
    {
        var error = Assert.Throws<StoreException>(() => new SparseVector([1, 2, 3], [1f, 2f]));

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
    }

    [Fact]
    public void Dot_sharedIndices_sumsTheirProducts()
    {
        var a = new SparseVector([1, 3, 7], [2f, 4f, 1f]);
        var b = new SparseVector([0, 3, 7, 9], [5f, 0.5f, 3f, 1f]);

        // Only indices 3 and 7 appear in both: 4 * 0.5 + 1 * 3.
        Assert.Equal(5f, a.Dot(b));
        Assert.Equal(5f, b.Dot(a));
    }

    [Fact]
    public void Dot_disjointIndices_isZero()
    {
        var a = new SparseVector([1, 3], [2f, 4f]);
        var b = new SparseVector([0, 2, 4], [5f, 6f, 7f]);

        Assert.Equal(0f, a.Dot(b));
        Assert.Equal(0f, a.Dot(new SparseVector([], [])));
    }

    [Fact]
    public void Equals_sameIndicesAndWeights_isTrue()
    {
        var a = new SparseVector([1, 3], [2f, 4f]);
        var b = new SparseVector([1, 3], [2f, 4f]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new SparseVector([1, 3], [2f, 5f]));
        Assert.NotEqual(a, new SparseVector([1, 4], [2f, 4f]));
    }
}
