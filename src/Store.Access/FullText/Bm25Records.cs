using System.Buffers.Binary;
using Store.Access.Encoding;
using Store.Core.Errors;

namespace Store.Access.FullText;

/// <summary>
/// The records of a BM25 index, all in its one B+tree, told apart by their first key byte:
/// <code>
/// statistics   0x00                                 [format u8 = 1][documents i64][total length i64] (LE)
/// document     0x01 rowid                           [length varint]
/// frequency    0x02 term                            [documents with the term varint]
/// posting      0x03 term 0x00 rowid                 [tf varint][document length varint][position varint] x tf
/// </code>
/// A term is its UTF-8 bytes (never 0x00, see <see cref="Bm25Document.IsIndexable"/>), a rowid the
/// table's 8-byte key, so one term's postings are contiguous and in rowid order. Positions are
/// the first one, then gaps. The document length is repeated in each posting so that scoring a
/// posting needs no second lookup; an update rewrites every posting of the row anyway.
/// </summary>
internal static class Bm25Records
{
    public const byte StatisticsTag = 0x00;
    public const byte DocumentTag = 0x01;
    public const byte FrequencyTag = 0x02;
    public const byte PostingTag = 0x03;
    private const byte Format = 1;
    private const int StatisticsSize = 1 + (2 * sizeof(long));

    public static readonly byte[] StatisticsKey = [StatisticsTag];

    public static byte[] DocumentKey(long rowId) => [DocumentTag, .. KeyCodec.RowIdKey(rowId)];

    public static byte[] FrequencyKey(string term) => [FrequencyTag, .. System.Text.Encoding.UTF8.GetBytes(term)];

    /// <summary>The first key of a term's postings and the first key past them.</summary>
    public static (byte[] From, byte[] To) PostingRange(string term)
    {
        byte[] from = [PostingTag, .. System.Text.Encoding.UTF8.GetBytes(term), 0x00];
        var to = from.ToArray();
        to[^1] = 0x01;
        return (from, to);
    }

    public static byte[] PostingKey(string term, long rowId) =>
        [PostingTag, .. System.Text.Encoding.UTF8.GetBytes(term), 0x00, .. KeyCodec.RowIdKey(rowId)];

    public static byte[] Statistics(Bm25Statistics statistics)
    {
        var value = new byte[StatisticsSize];
        value[0] = Format;
        BinaryPrimitives.WriteInt64LittleEndian(value.AsSpan(1), statistics.Documents);
        BinaryPrimitives.WriteInt64LittleEndian(value.AsSpan(1 + sizeof(long)), statistics.TotalLength);
        return value;
    }

    public static Bm25Statistics DecodeStatistics(ReadOnlySpan<byte> value) =>
        value.Length == StatisticsSize && value[0] == Format
            ? new Bm25Statistics(BinaryPrimitives.ReadInt64LittleEndian(value[1..]), BinaryPrimitives.ReadInt64LittleEndian(value[(1 + sizeof(long))..]))
            : throw StoreErrors.TypeMismatch($"a BM25 statistics record of {value.Length} byte(s) in format {(value.IsEmpty ? 0 : value[0])} (expected {StatisticsSize} in format {Format})");

    public static byte[] Count(long count)
    {
        Span<byte> buffer = stackalloc byte[Varint.MaxLength];
        return buffer[..Varint.Write(buffer, (ulong)count)].ToArray();
    }

    public static long DecodeCount(ReadOnlySpan<byte> value)
    {
        var position = 0;
        var count = (long)Varint.Read(value, ref position);
        return position == value.Length ? count : throw StoreErrors.TypeMismatch("a BM25 count record has bytes past its varint");
    }

    public static byte[] Posting(List<int> positions, int length)
    {
        var buffer = new byte[(positions.Count + 2) * Varint.MaxLength];
        var n = Varint.Write(buffer, (ulong)positions.Count);
        n += Varint.Write(buffer.AsSpan(n), (ulong)length);
        var previous = 0;
        foreach (var position in positions)
        {
            n += Varint.Write(buffer.AsSpan(n), (ulong)(position - previous));
            previous = position;
        }

        return buffer[..n];
    }

    /// <summary>A posting's rowid, term frequency and document length (its positions are not read).</summary>
    public static Bm25Posting DecodePosting(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        var position = 0;
        var frequency = (long)Varint.Read(value, ref position);
        var length = (long)Varint.Read(value, ref position);
        return frequency is > 0 and <= int.MaxValue && length >= frequency && length <= int.MaxValue
            ? new Bm25Posting(KeyCodec.DecodeRowId(key), (int)frequency, (int)length)
            : throw StoreErrors.TypeMismatch($"a BM25 posting of row {KeyCodec.DecodeRowId(key)} has term frequency {frequency} in a document of length {length}");
    }
}
