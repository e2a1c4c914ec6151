using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Core.Vectors;

namespace Store.Access.Encoding;

/// <summary>
/// Encodes a row (an array of <see cref="DbValue"/>) compactly: a varint column count, then
/// per column a kind byte (<see cref="DbValueKind"/>) and its payload:
/// <code>
/// Null     nothing
/// Integer  zigzag varint
/// Real     8 bytes, IEEE 754 LE
/// Text     varint byte length, UTF-8
/// Blob     varint length, bytes
/// Vector   varint dimensions, float32 LE each
/// Sparse   varint count, then per entry a varint index delta from the previous index and a float32 LE weight
/// </code>
/// </summary>
internal static class RowCodec
{
    /// <summary>Encodes in two passes, sizing first, so the row is written once into an exact array.</summary>
    public static byte[] Encode(ReadOnlySpan<DbValue> row)
    {
        var size = VarintSize((ulong)row.Length);
        foreach (var value in row)
        {
            size += 1 + PayloadSize(value);
        }

        var bytes = new byte[size];
        var span = bytes.AsSpan();
        var n = Varint.Write(span, (ulong)row.Length);
        foreach (var value in row)
        {
            span[n++] = (byte)value.Kind;
            n += WritePayload(span[n..], value);
        }

        return bytes;
    }

    public static DbValue[] Decode(ReadOnlySpan<byte> data)
    {
        var position = 0;
        var count = ReadLength(data, ref position, 1);
        var row = new DbValue[count];
        for (var i = 0; i < count; i++)
        {
            if (position >= data.Length)
            {
                throw StoreErrors.TypeMismatch("row ends before its last column");
            }

            var kind = (DbValueKind)data[position++];
            row[i] = kind switch
            {
                DbValueKind.Null => DbValue.Null,
                DbValueKind.Integer => DbValue.FromInteger(Varint.ReadSigned(data, ref position)),
                DbValueKind.Real => DbValue.FromReal(BinaryPrimitives.ReadDoubleLittleEndian(Take(data, ref position, 8))),
                DbValueKind.Text => DbValue.FromText(System.Text.Encoding.UTF8.GetString(Take(data, ref position, ReadLength(data, ref position, 1)))),
                DbValueKind.Blob => DbValue.FromBlob(Take(data, ref position, ReadLength(data, ref position, 1)).ToArray()),
                DbValueKind.Vector => DbValue.FromVector(ReadFloats(data, ref position)),
                DbValueKind.Sparse => DbValue.FromSparse(ReadSparse(data, ref position)),
                _ => throw StoreErrors.TypeMismatch($"unknown value kind {(byte)kind} in column {i}"),
            };
        }

        return row;
    }

    /// <summary>
    /// The floats of a vector column read in place, without decoding the row (the exact kNN
    /// scan's hot path): false when the column is NULL or not a vector. Reads the stored bytes
    /// as floats directly, which is exact on little-endian machines (all that .NET's SIMD
    /// kernels run on); elsewhere it copies.
    /// </summary>
    public static bool TryGetVector(ReadOnlySpan<byte> data, int column, out ReadOnlySpan<float> vector)
    {
        vector = default;
        var position = 0;
        var count = ReadLength(data, ref position, 1);
        if (column >= count)
        {
            return false;
        }

        for (var i = 0; i < column; i++)
        {
            Skip(data, ref position, (DbValueKind)data[position++]);
        }

        if ((DbValueKind)data[position++] != DbValueKind.Vector)
        {
            return false;
        }

        var dimensions = ReadLength(data, ref position, 4);
        var bytes = Take(data, ref position, dimensions * 4);
        vector = BitConverter.IsLittleEndian ? MemoryMarshal.Cast<byte, float>(bytes) : ToFloats(bytes);
        return true;
    }

    private static void Skip(ReadOnlySpan<byte> data, ref int position, DbValueKind kind)
    {
        switch (kind)
        {
            case DbValueKind.Null:
                break;
            case DbValueKind.Integer:
                Varint.Read(data, ref position);
                break;
            case DbValueKind.Real:
                Take(data, ref position, 8);
                break;
            case DbValueKind.Text or DbValueKind.Blob:
                Take(data, ref position, ReadLength(data, ref position, 1));
                break;
            case DbValueKind.Vector:
                Take(data, ref position, ReadLength(data, ref position, 4) * 4);
                break;
            case DbValueKind.Sparse:
                var entries = ReadLength(data, ref position, 5);
                for (var i = 0; i < entries; i++)
                {
                    Varint.Read(data, ref position);
                    Take(data, ref position, 4);
                }

                break;
            default:
                throw StoreErrors.TypeMismatch($"unknown value kind {(byte)kind}");
        }
    }

    private static int PayloadSize(DbValue value) => value.Kind switch
    {
        DbValueKind.Null => 0,
        DbValueKind.Integer => VarintSize(ZigZag(value.AsInteger)),
        DbValueKind.Real => 8,
        DbValueKind.Text => LengthPrefixed(System.Text.Encoding.UTF8.GetByteCount(value.AsText)),
        DbValueKind.Blob => LengthPrefixed(value.AsBlob.Length),
        DbValueKind.Vector => VarintSize((ulong)value.AsVector.Length) + (4 * value.AsVector.Length),
        DbValueKind.Sparse => SparseSize(value.AsSparse),
        _ => throw StoreErrors.Internal($"row codec has no encoding for {value.Kind}"),
    };

    private static int WritePayload(Span<byte> span, DbValue value)
    {
        switch (value.Kind)
        {
            case DbValueKind.Null:
                return 0;
            case DbValueKind.Integer:
                return Varint.Write(span, ZigZag(value.AsInteger));
            case DbValueKind.Real:
                BinaryPrimitives.WriteDoubleLittleEndian(span, value.AsReal);
                return 8;
            case DbValueKind.Text:
                var length = System.Text.Encoding.UTF8.GetByteCount(value.AsText);
                var prefix = Varint.Write(span, (ulong)length);
                return prefix + System.Text.Encoding.UTF8.GetBytes(value.AsText, span[prefix..]);
            case DbValueKind.Blob:
                var blobPrefix = Varint.Write(span, (ulong)value.AsBlob.Length);
                value.AsBlob.CopyTo(span[blobPrefix..]);
                return blobPrefix + value.AsBlob.Length;
            case DbValueKind.Vector:
                var vector = value.AsVector;
                var n = Varint.Write(span, (ulong)vector.Length);
                foreach (var f in vector)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(span[n..], f);
                    n += 4;
                }

                return n;
            default:
                return WriteSparse(span, value.AsSparse);
        }
    }

    private static int WriteSparse(Span<byte> span, SparseVector sparse)
    {
        var n = Varint.Write(span, (ulong)sparse.Count);
        uint previous = 0;
        for (var i = 0; i < sparse.Count; i++)
        {
            n += Varint.Write(span[n..], sparse.Indices[i] - previous);
            previous = sparse.Indices[i];
            BinaryPrimitives.WriteSingleLittleEndian(span[n..], sparse.Weights[i]);
            n += 4;
        }

        return n;
    }

    private static int SparseSize(SparseVector sparse)
    {
        var size = VarintSize((ulong)sparse.Count) + (4 * sparse.Count);
        uint previous = 0;
        for (var i = 0; i < sparse.Count; i++)
        {
            size += VarintSize(sparse.Indices[i] - previous);
            previous = sparse.Indices[i];
        }

        return size;
    }

    private static int LengthPrefixed(int length) => VarintSize((ulong)length) + length;

    private static int VarintSize(ulong value) => value < 0x80 ? 1 : (70 - System.Numerics.BitOperations.LeadingZeroCount(value)) / 7;

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static SparseVector ReadSparse(ReadOnlySpan<byte> data, ref int position)
    {
        var count = ReadLength(data, ref position, 5);
        var indices = new uint[count];
        var weights = new float[count];
        ulong index = 0;
        for (var i = 0; i < count; i++)
        {
            index += Varint.Read(data, ref position);
            indices[i] = index <= uint.MaxValue ? (uint)index : throw StoreErrors.TypeMismatch("sparse index beyond 2^32");
            weights[i] = BinaryPrimitives.ReadSingleLittleEndian(Take(data, ref position, 4));
        }

        return new SparseVector(indices, weights);
    }

    private static float[] ReadFloats(ReadOnlySpan<byte> data, ref int position)
    {
        var count = ReadLength(data, ref position, 4);
        return ToFloats(Take(data, ref position, count * 4));
    }

    private static float[] ToFloats(ReadOnlySpan<byte> bytes)
    {
        var floats = new float[bytes.Length / 4];
        for (var i = 0; i < floats.Length; i++)
        {
            floats[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]);
        }

        return floats;
    }

    /// <summary>A length that cannot exceed what is left of the row (at <paramref name="minBytesEach"/> per item).</summary>
    private static int ReadLength(ReadOnlySpan<byte> data, ref int position, int minBytesEach)
    {
        var length = Varint.Read(data, ref position);
        if (length > (ulong)(data.Length - position) / (ulong)minBytesEach + 1)
        {
            throw StoreErrors.TypeMismatch($"stored length {length} runs past the end of the row");
        }

        return (int)length;
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> data, scoped ref int position, int length)
    {
        if (length > data.Length - position)
        {
            throw StoreErrors.TypeMismatch("row ends inside a value");
        }

        var slice = data.Slice(position, length);
        position += length;
        return slice;
    }

}
