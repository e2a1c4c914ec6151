namespace Store.Storage.Paging;

/// <summary>
/// A point inside a write transaction to roll back to: the file header as it was, and for
/// each page changed since, its image before the first change (null: it was not yet changed
/// in this transaction, so rolling back drops it from the transaction).
/// </summary>
internal sealed class Savepoint(byte[] header)
{
    public byte[] Header { get; } = header;

    public Dictionary<uint, byte[]?> PreImages { get; } = [];
}
