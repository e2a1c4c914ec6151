namespace Store.Core.Primitives;

/// <summary>
/// Log sequence number: the number of the commit that last wrote a page. Monotonic over
/// the life of a database file.
/// </summary>
public readonly record struct Lsn(ulong Value) : IComparable<Lsn>
{
    public Lsn Next() => new(Value + 1);

    public int CompareTo(Lsn other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
