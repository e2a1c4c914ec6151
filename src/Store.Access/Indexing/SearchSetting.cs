namespace Store.Access.Indexing;

/// <summary>
/// A search setting an index method owns, such as <c>hnsw.ef_search</c>: its SET name, the
/// value a session has until it sets one, and the range SET accepts.
/// </summary>
internal sealed record SearchSetting(string Name, int Default, int Min, int Max)
{
    /// <summary>The name without its method's prefix (<c>ef_search</c>), as EXPLAIN shows it.</summary>
    public string ShortName => Name[(Name.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
