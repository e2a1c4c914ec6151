using Store.Core.Values;

namespace Store.Access.Indexing;

/// <summary>
/// An index kept by its method (every index but a B+tree of keys), as one transaction sees it.
/// The table keeps it in step with its rows: a row goes in whole, and the index takes what it
/// covers from it.
/// </summary>
internal interface IMethodIndex
{
    /// <summary>Adds a row; a row whose indexed value is NULL (or not indexable) is left out.</summary>
    void Insert(long rowId, DbValue[] row);

    /// <summary>Takes a row out; <paramref name="row"/> is its values as they were, for a method that must know what it indexed (BM25's terms).</summary>
    void Delete(long rowId, DbValue[] row);

    /// <summary>What the integrity check finds wrong between the stored index and the table's rows.</summary>
    List<string> Check(IReadOnlyList<(long RowId, DbValue[] Values)> rows);
}
