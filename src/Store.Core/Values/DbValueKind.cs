namespace Store.Core.Values;

/// <summary>The storage classes a column value can have. BOOLEAN is stored as Integer 0 / 1.</summary>
public enum DbValueKind : byte
{
    Null = 0,
    Integer = 1,
    Real = 2,
    Text = 3,
    Blob = 4,
    Vector = 5,
    Sparse = 6,
}
