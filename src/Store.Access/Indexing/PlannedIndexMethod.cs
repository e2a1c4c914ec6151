using Store.Access.Catalog;
using Store.Access.Tables;
using Store.Core.Errors;
using Store.Core.Values;

namespace Store.Access.Indexing;

/// <summary>
/// A method the grammar and the registry name whose implementation arrives with a later
/// version: it says what it will index and answer, and creating one is a typed error.
/// </summary>
internal sealed class PlannedIndexMethod(string name, SqlType indexedType, params QueryShape[] shapes) : IndexMethod
{
    public override string Name { get; } = name;

    public override SqlType IndexedType { get; } = indexedType;

    public override IReadOnlyList<QueryShape> QueryShapes { get; } = shapes;

    public override IndexParameters Parse(IndexSchema index, TableSchema table) => throw NotAvailable();

    public override void Build(IndexContext context, Table table) => throw NotAvailable();

    public override IMethodIndex Open(IndexContext context) => throw NotAvailable();

    public StoreException NotAvailable() => StoreErrors.NotSupported($"index method '{Name}' is not available yet in this version");
}
