using Store.Access.Catalog;
using Store.Access.Indexing;
using Store.Access.Tables;
using Store.Core.Errors;
using Store.Core.Values;

namespace Store.Access.Vectors;

/// <summary>
/// A nearest-neighbour method over one VECTOR column (HNSW, IVF): it checks the column, reads
/// its options with the column's dimension count, and answers
/// <c>ORDER BY column &lt;op&gt; constant LIMIT k</c> with a search as broad as its
/// <see cref="Breadth"/> setting says.
/// </summary>
internal abstract class VectorIndexMethod(SearchSetting breadth) : IndexMethod
{
    private static readonly QueryShape[] Shapes = [QueryShape.NearestByDistance];

    // Kept, not made per call: the planner asks every index of a table at every query.
    private readonly SearchSetting[] _settings = [breadth];

    public sealed override SqlType IndexedType => SqlType.Vector;

    public sealed override IReadOnlyList<QueryShape> QueryShapes => Shapes;

    public sealed override IReadOnlyList<SearchSetting> Settings => _settings;

    /// <summary>How broad a search is (HNSW's ef_search, IVF's probes): more finds more of the true neighbours, slower.</summary>
    public SearchSetting Breadth { get; } = breadth;

    public sealed override IndexParameters Parse(IndexSchema index, TableSchema table)
    {
        if (index.Columns.Count != 1)
        {
            throw StoreErrors.InvalidArgument($"an {Name} index covers one vector column, not {index.Columns.Count}");
        }

        var position = table.ColumnIndex(index.Columns[0]);
        if (position < 0)
        {
            throw StoreErrors.NotFound("column", $"{table.Name}.{index.Columns[0]}");
        }

        var type = table.Columns[position].Type;
        return type.Type == IndexedType
            ? Parse(index.OptionList, type.Dimensions)
            : throw StoreErrors.InvalidArgument($"a vector index needs a VECTOR(n) column, and {table.Name}.{index.Columns[0]} is {type}");
    }

    public sealed override void Build(IndexContext context, Table table) => Build(context, table.Vectors(context.Index.ColumnPositions[0]));

    public abstract override IVectorIndex Open(IndexContext context);

    /// <summary>Reads the <c>WITH (...)</c> options of an index on a column of <paramref name="dimensions"/>, checking every one.</summary>
    protected abstract IndexParameters Parse(IReadOnlyList<KeyValuePair<string, string>> options, int dimensions);

    /// <summary>Builds the index over the column's non-NULL vectors.</summary>
    protected abstract void Build(IndexContext context, IReadOnlyList<(long RowId, float[] Vector)> rows);
}
