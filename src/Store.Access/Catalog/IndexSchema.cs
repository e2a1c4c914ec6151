namespace Store.Access.Catalog;

/// <summary>
/// An index: its name, table, key columns in order, uniqueness, method (<see cref="BTree"/>
/// for a scalar index, or a vector method such as <c>hnsw</c>) and the method's WITH options.
/// </summary>
internal sealed record IndexSchema(string Name, string Table, IReadOnlyList<string> Columns, bool Unique = false, string Method = IndexSchema.BTree, IReadOnlyList<KeyValuePair<string, string>>? Options = null)
{
    public const string BTree = "btree";

    public bool IsBTree => Method == BTree;

    public IReadOnlyList<KeyValuePair<string, string>> OptionList => Options ?? [];
}
