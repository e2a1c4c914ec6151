using System.Buffers;
using System.Buffers.Binary;
using Store.Core.Errors;
using Store.Core.Values;

namespace Store.Access.Encoding;

/// <summary>
/// Encodes values so that comparing the bytes (memcmp) orders them as SQL does: NULL first,
/// then numbers (INTEGER and REAL compared by value), then TEXT (by UTF-8 bytes), then BLOB.
/// Composite keys are concatenations, which is why text and blobs are escaped and terminated.
/// <code>
/// NULL     0x01                      (a NaN REAL is stored as NULL, as SQLite does)
/// number   0x02, the value as an order-preserving double (8 bytes BE), then the integer's
///          distance from that double as a biased u16 BE (non-zero only past 2^53)
/// TEXT     0x03, UTF-8 with 0x00 written as 0x00 0xFF, then 0x00 0x00
/// BLOB     0x04, bytes escaped the same way, then 0x00 0x00
/// rowid    8 bytes BE with the sign bit flipped (the whole key of a table tree, and the
///          suffix that makes every index key unique)
/// </code>
/// </summary>
internal static class KeyCodec
{
    public const int RowIdSize = 8;

    private const byte NullTag = 0x01;
    private const byte NumberTag = 0x02;
    private const byte TextTag = 0x03;
    private const byte BlobTag = 0x04;
    private const int ResidualBias = 1 << 15;

    /// <summary>Whether a value encodes as NULL (NULL itself, or a NaN REAL); such keys never collide in unique indexes.</summary>
    public static bool IsNullKey(DbValue value) => value.IsNull || (value.Kind == DbValueKind.Real && double.IsNaN(value.AsReal));

    public static byte[] RowIdKey(long rowId)
    {
        var key = new byte[RowIdSize];
        BinaryPrimitives.WriteUInt64BigEndian(key, (ulong)rowId ^ 0x8000_0000_0000_0000UL);
        return key;
    }

    public static long DecodeRowId(ReadOnlySpan<byte> key) =>
        (long)(BinaryPrimitives.ReadUInt64BigEndian(key[^RowIdSize..]) ^ 0x8000_0000_0000_0000UL);

    /// <summary>The key of an index entry: the column values, then the rowid.</summary>
    public static byte[] IndexKey(ReadOnlySpan<DbValue> values, long rowId)
    {
        var buffer = new ArrayBufferWriter<byte>(32);
        AppendValues(buffer, values);
        buffer.Write(RowIdKey(rowId));
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The column values alone: a prefix of every index key with those values.</summary>
    public static byte[] Prefix(ReadOnlySpan<DbValue> values)
    {
        var buffer = new ArrayBufferWriter<byte>(32);
        AppendValues(buffer, values);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The smallest key greater than every key starting with <paramref name="prefix"/>.</summary>
    public static byte[] PrefixEnd(ReadOnlySpan<byte> prefix)
    {
        var end = prefix.ToArray();
        for (var i = end.Length - 1; i >= 0; i--)
        {
            if (end[i] != 0xFF)
            {
                end[i]++;
                return end[..(i + 1)];
            }
        }

        return [.. end, 0xFF];
    }

    private static void AppendValues(ArrayBufferWriter<byte> buffer, ReadOnlySpan<DbValue> values)
    {
        foreach (var value in values)
        {
            switch (value.Kind)
            {
                case DbValueKind.Null:
                    buffer.Write([NullTag]);
                    break;
                case DbValueKind.Integer:
                    AppendNumber(buffer, value.AsInteger, value.AsInteger);
                    break;
                case DbValueKind.Real when double.IsNaN(value.AsReal):
                    buffer.Write([NullTag]);
                    break;
                case DbValueKind.Real:
                    AppendNumber(buffer, value.AsReal, null);
                    break;
                case DbValueKind.Text:
                    AppendEscaped(buffer, TextTag, System.Text.Encoding.UTF8.GetBytes(value.AsText));
                    break;
                case DbValueKind.Blob:
                    AppendEscaped(buffer, BlobTag, value.AsBlob);
                    break;
                default:
                    throw StoreErrors.TypeMismatch($"{value.Kind} values cannot be part of a B+tree index key");
            }
        }
    }

    private static void AppendNumber(ArrayBufferWriter<byte> buffer, double approximate, long? exact)
    {
        var span = buffer.GetSpan(11);
        span[0] = NumberTag;
        var bits = BitConverter.DoubleToInt64Bits(approximate == 0 ? 0.0 : approximate);
        var ordered = bits >= 0 ? (ulong)bits ^ 0x8000_0000_0000_0000UL : ~(ulong)bits;
        BinaryPrimitives.WriteUInt64BigEndian(span[1..], ordered);

        // Past 2^53 a double cannot hold every int64; the residual restores the exact order.
        var residual = exact is { } e ? (int)((Int128)e - (Int128)approximate) : 0;
        BinaryPrimitives.WriteUInt16BigEndian(span[9..], (ushort)(residual + ResidualBias));
        buffer.Advance(11);
    }

    private static void AppendEscaped(ArrayBufferWriter<byte> buffer, byte tag, ReadOnlySpan<byte> bytes)
    {
        var span = buffer.GetSpan((bytes.Length * 2) + 3);
        var n = 0;
        span[n++] = tag;
        foreach (var b in bytes)
        {
            span[n++] = b;
            if (b == 0)
            {
                span[n++] = 0xFF;
            }
        }

        span[n++] = 0x00;
        span[n++] = 0x00;
        buffer.Advance(n);
    }
}
