using Store.Access.Catalog;
using Store.Storage.Paging;

namespace Store.Access.Indexing;

/// <summary>What an index method opens an index with: the transaction, the database's shared in-memory state, and the index.</summary>
internal sealed record IndexContext(ReadTransaction Transaction, DatabaseState State, IndexInfo Index);
