namespace Store.Core.Primitives;

/// <summary>The int64 key every table row has; an INTEGER PRIMARY KEY column is this value.</summary>
public readonly record struct RowId(long Value) : IComparable<RowId>
{
    public int CompareTo(RowId other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
