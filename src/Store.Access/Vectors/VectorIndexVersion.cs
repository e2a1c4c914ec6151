using System.Buffers.Binary;
using Store.Access.BTrees;
using Store.Access.Encoding;
using Store.Storage.Paging;

namespace Store.Access.Vectors;

/// <summary>
/// A vector index's version, kept under key -1 of its B+tree: the commit LSN of the last
/// transaction that changed the index. <see cref="VectorIndexCache"/> compares it with the
/// version of the loaded index to know whether a transaction may use it.
/// </summary>
internal static class VectorIndexVersion
{
    private static readonly byte[] Key = KeyCodec.RowIdKey(-1);

    public static ulong Read(ReadTransaction txn, uint root) =>
        new BTree(txn, root).TryGet(Key, static value => BinaryPrimitives.ReadUInt64LittleEndian(value), out var version) ? version : 0;

    /// <summary>Marks the index as changed by <paramref name="txn"/> (once per transaction).</summary>
    public static void MarkChanged(WriteTransaction txn, uint root)
    {
        if (Read(txn, root) != txn.CommitLsn)
        {
            var value = new byte[sizeof(ulong)];
            BinaryPrimitives.WriteUInt64LittleEndian(value, txn.CommitLsn);
            new BTree(txn, root).Put(Key, value);
        }
    }
}
