using Store.Core.Errors;
using Store.Core.Values;
using Store.Core.Vectors;

namespace Store.Core.Tests.Values;

/// <summary>Checks <see cref="DbValue"/> equality, accessors and the error a wrong accessor raises.</summary>
public class DbValueTests
{
    public static TheoryData<string> Kinds => new(["null", "integer", "real", "text", "blob", "vector", "sparse"]);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Equals_sameKindAndContent_isTrueWithEqualHashCodes(string kind)
    {
        // Two separately built values, so reference types are compared by content, not identity.
        var a = Sample(kind);
        var b = Sample(kind);

        Assert.True(a.Equals(b));
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Equals_differentKindSameNumber_isFalse()
    {
        Assert.NotEqual(DbValue.FromInteger(1), DbValue.FromReal(1.0));
        Assert.NotEqual(DbValue.Null, DbValue.FromInteger(0));
    }

    [Fact]
    public void Equals_differentContent_isFalse()
    {
        Assert.NotEqual(DbValue.FromInteger(1), DbValue.FromInteger(2));
        Assert.NotEqual(DbValue.FromText("a"), DbValue.FromText("A"));
        Assert.NotEqual(DbValue.FromBlob([1, 2]), DbValue.FromBlob([1, 2, 3]));
        Assert.NotEqual(DbValue.FromVector([1f, 2f]), DbValue.FromVector([1f, 2.5f]));
    }

    [Fact]
    public void Equals_realsComparedByBits_treatsNaNAsEqualAndSignedZerosAsDifferent()
    {
        Assert.Equal(DbValue.FromReal(double.NaN), DbValue.FromReal(double.NaN));
        Assert.NotEqual(DbValue.FromReal(0.0), DbValue.FromReal(-0.0));
    }

    [Fact]
    public void Accessors_matchingKind_returnTheValue()
    {
        var sparse = new SparseVector([4], [1f]);

        Assert.True(DbValue.Null.IsNull);
        Assert.Equal(DbValueKind.Null, default(DbValue).Kind);
        Assert.Equal(-7L, DbValue.FromInteger(-7).AsInteger);
        Assert.Equal(2.5, DbValue.FromReal(2.5).AsReal);
        Assert.Equal("héllo", DbValue.FromText("héllo").AsText);
        Assert.Equal([0xCA, 0xFE], DbValue.FromBlob([0xCA, 0xFE]).AsBlob);
        Assert.Equal([1f, -1f], DbValue.FromVector([1f, -1f]).AsVector);
        Assert.Same(sparse, DbValue.FromSparse(sparse).AsSparse);
        Assert.Equal(DbValueKind.Sparse, DbValue.FromSparse(sparse).Kind);
    }

    [Theory]
    [InlineData("text", "integer")]
    [InlineData("integer", "real")]
    [InlineData("real", "text")]
    [InlineData("null", "blob")]
    [InlineData("blob", "vector")]
    [InlineData("vector", "sparse")]
    [InlineData("sparse", "vector")]
    public void Accessor_otherKind_throwsTypeMismatch(string kind, string accessor)
    {
        var value = Sample(kind);

        var error = Assert.Throws<StoreException>(() => Read(value, accessor));

        Assert.Equal(ErrorCode.TypeMismatch, error.Code);
        Assert.Equal("42804", error.SqlState);
    }

    [Fact]
    public void Factories_nullReference_throwArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => DbValue.FromText(null!));
        Assert.Throws<ArgumentNullException>(() => DbValue.FromBlob(null!));
        Assert.Throws<ArgumentNullException>(() => DbValue.FromVector(null!));
        Assert.Throws<ArgumentNullException>(() => DbValue.FromSparse(null!));
    }

    [Fact]
    public void ToString_eachKind_readsAsLiteral()
    {
        Assert.Equal("NULL", DbValue.Null.ToString());
        Assert.Equal("42", DbValue.FromInteger(42).ToString());
        Assert.Equal("0.5", DbValue.FromReal(0.5).ToString());
        Assert.Equal("2.0", DbValue.FromReal(2).ToString());
        Assert.Equal("x'CAFE'", DbValue.FromBlob([0xCA, 0xFE]).ToString());
        Assert.Equal("[1, -0.5]", DbValue.FromVector([1f, -0.5f]).ToString());
        Assert.Equal("{3:1.5}", DbValue.FromSparse(new SparseVector([3], [1.5f])).ToString());
    }

    private static DbValue Sample(string kind) => kind switch
    {
        "null" => DbValue.Null,
        "integer" => DbValue.FromInteger(42),
        "real" => DbValue.FromReal(0.25),
        "text" => DbValue.FromText("abc"),
        "blob" => DbValue.FromBlob([1, 2, 3]),
        "vector" => DbValue.FromVector([1f, 2f, 3f]),
        "sparse" => DbValue.FromSparse(new SparseVector([1, 5], [0.5f, 2f])),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind),
    };

    private static object Read(DbValue value, string accessor) => accessor switch
    {
        "integer" => value.AsInteger,
        "real" => value.AsReal,
        "text" => value.AsText,
        "blob" => value.AsBlob,
        "vector" => value.AsVector,
        "sparse" => value.AsSparse,
        _ => throw new ArgumentOutOfRangeException(nameof(accessor), accessor),
    };
}
