using Store.Core.Vectors;

namespace Store.Core.Values;

/// <summary>
/// One column value: null, int64, double, text, blob, float32 vector or sparse vector.
/// Immutable; equality is by kind and content (reals by their bits; vectors element-wise by
/// float equality, so 0 equals -0).
/// </summary>
public readonly struct DbValue : IEquatable<DbValue>
{
    private readonly long _bits;
    private readonly object? _reference;

    private DbValue(DbValueKind kind, long bits, object? reference)
    {
        Kind = kind;
        _bits = bits;
        _reference = reference;
    }

    public static DbValue Null => default;

    public DbValueKind Kind { get; }

    public bool IsNull => Kind == DbValueKind.Null;

    public static DbValue FromInteger(long value) => new(DbValueKind.Integer, value, null);

    public static DbValue FromReal(double value) => new(DbValueKind.Real, BitConverter.DoubleToInt64Bits(value), null);

    public static DbValue FromText(string value) => new(DbValueKind.Text, 0, value ?? throw new ArgumentNullException(nameof(value)));

    public static DbValue FromBlob(byte[] value) => new(DbValueKind.Blob, 0, value ?? throw new ArgumentNullException(nameof(value)));

    public static DbValue FromVector(float[] value) => new(DbValueKind.Vector, 0, value ?? throw new ArgumentNullException(nameof(value)));

    public static DbValue FromSparse(SparseVector value) => new(DbValueKind.Sparse, 0, value ?? throw new ArgumentNullException(nameof(value)));

    public long AsInteger => Kind == DbValueKind.Integer ? _bits : throw Mismatch(DbValueKind.Integer);

    public double AsReal => Kind == DbValueKind.Real ? BitConverter.Int64BitsToDouble(_bits) : throw Mismatch(DbValueKind.Real);

    public string AsText => Kind == DbValueKind.Text ? (string)_reference! : throw Mismatch(DbValueKind.Text);

    public byte[] AsBlob => Kind == DbValueKind.Blob ? (byte[])_reference! : throw Mismatch(DbValueKind.Blob);

    public float[] AsVector => Kind == DbValueKind.Vector ? (float[])_reference! : throw Mismatch(DbValueKind.Vector);

    public SparseVector AsSparse => Kind == DbValueKind.Sparse ? (SparseVector)_reference! : throw Mismatch(DbValueKind.Sparse);

    public bool Equals(DbValue other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        return Kind switch
        {
            DbValueKind.Null => true,
            DbValueKind.Integer or DbValueKind.Real => _bits == other._bits,
            DbValueKind.Text => string.Equals(AsText, other.AsText, StringComparison.Ordinal),
            DbValueKind.Blob => AsBlob.AsSpan().SequenceEqual(other.AsBlob),
            DbValueKind.Vector => AsVector.AsSpan().SequenceEqual(other.AsVector),
            DbValueKind.Sparse => AsSparse.Equals(other.AsSparse),
            _ => false,
        };
    }

    public override bool Equals(object? obj) => obj is DbValue other && Equals(other);

    public override int GetHashCode() => Kind switch
    {
        DbValueKind.Null => 0,
        DbValueKind.Integer or DbValueKind.Real => _bits.GetHashCode(),
        DbValueKind.Text => StringComparer.Ordinal.GetHashCode(AsText),
        DbValueKind.Blob => AsBlob.Length,
        DbValueKind.Vector => AsVector.Length,
        _ => AsSparse.Count,
    };

    public static bool operator ==(DbValue left, DbValue right) => left.Equals(right);

    public static bool operator !=(DbValue left, DbValue right) => !left.Equals(right);

    /// <summary>The value as <see cref="ValueText"/> writes it.</summary>
    public override string ToString() => ValueText.Format(this);

    private Errors.StoreException Mismatch(DbValueKind wanted) =>
        Errors.StoreErrors.TypeMismatch($"value is {Kind}, not {wanted}");
}
