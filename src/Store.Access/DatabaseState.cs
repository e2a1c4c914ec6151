using Store.Access.Catalog;
using Store.Access.Vectors;

namespace Store.Access;

/// <summary>
/// What one open database keeps in memory for all its transactions: the last committed catalog
/// and the loaded vector indexes. The engine makes one per open file, beside its pager, and
/// hands it to every catalog it opens; two states on one file would each load their own copies,
/// correct but twice the memory and work.
/// </summary>
internal sealed class DatabaseState
{
    public CommittedCatalog Catalog { get; } = new();

    public VectorIndexCache VectorIndexes { get; } = new();
}
