using Store.Access.Catalog;
using Store.Access.Tables;
using Store.Core.Values;

namespace Store.Access.Indexing;

/// <summary>
/// One index method (<c>USING name</c>): what it indexes and answers, the search settings it
/// owns, how it reads its options, and how it builds and opens an index. Adding a method is one
/// subclass and one line in <see cref="IndexMethods"/>.
/// </summary>
internal abstract class IndexMethod
{
    /// <summary>The name CREATE INDEX ... USING takes, lower-case.</summary>
    public abstract string Name { get; }

    /// <summary>The type of column it indexes.</summary>
    public abstract SqlType IndexedType { get; }

    /// <summary>The query shapes it answers, for the planner.</summary>
    public abstract IReadOnlyList<QueryShape> QueryShapes { get; }

    /// <summary>The search settings it owns (SET, EXPLAIN and SHOW INDEXES read them here).</summary>
    public virtual IReadOnlyList<SearchSetting> Settings => [];

    /// <summary>Reads and checks an index's options against its table, once, when the index is created or its catalog entry first read.</summary>
    public abstract IndexParameters Parse(IndexSchema index, TableSchema table);

    /// <summary>Fills a new, empty index from the table's existing rows (CREATE INDEX, REINDEX).</summary>
    public abstract void Build(IndexContext context, Table table);

    /// <summary>The index as the context's transaction sees it.</summary>
    public abstract IMethodIndex Open(IndexContext context);
}
