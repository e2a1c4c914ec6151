namespace Store.Core.Values;

/// <summary>The column types of Store's SQL. BOOLEAN is stored as INTEGER 0 / 1.</summary>
public enum SqlType
{
    Integer,
    Real,
    Text,
    Blob,
    Boolean,
    Vector,
    Sparse,
}
