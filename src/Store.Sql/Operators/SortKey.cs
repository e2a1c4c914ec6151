namespace Store.Sql.Operators;

/// <summary>One ORDER BY key: a column of the rows being sorted, and its direction.</summary>
internal sealed record SortKey(int Ordinal, bool Descending, string Display)
{
    public override string ToString() => Display + (Descending ? " desc" : "");
}
