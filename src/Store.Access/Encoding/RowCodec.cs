using System.Buffers;
using System.Buffers.Binary;
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
    public static byte[] Encode(ReadOnlySpan<DbValue> row)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        WriteVarint(buffer, (ulong)row.Length);
        foreach (var value in row)
        {
            buffer.GetSpan(1)[0] = (byte)value.Kind;
            buffer.Advance(1);
            switch (value.Kind)
            {
                case DbValueKind.Null:
                    break;
                case DbValueKind.Integer:
                    buffer.Advance(Varint.WriteSigned(buffer.GetSpan(Varint.MaxLength), value.AsInteger));
                    break;
                case DbValueKind.Real:
                    BinaryPrimitives.WriteDoubleLittleEndian(buffer.GetSpan(8), value.AsReal);
                    buffer.Advance(8);
                    break;
                case DbValueKind.Text:
                    var text = System.Text.Encoding.UTF8.GetBytes(value.AsText);
                    WriteVarint(buffer, (ulong)text.Length);
                    buffer.Write(text);
                    break;
                case DbValueKind.Blob:
                    WriteVarint(buffer, (ulong)value.AsBlob.Length);
                    buffer.Write(value.AsBlob);
                    break;
                case DbValueKind.Vector:
                    var vector = value.AsVector;
                    WriteVarint(buffer, (ulong)vector.Length);
                    foreach (var f in vector)
                    {
                        BinaryPrimitives.WriteSingleLittleEndian(buffer.GetSpan(4), f);
                        buffer.Advance(4);
                    }

                    break;
                case DbValueKind.Sparse:
                    WriteSparse(buffer, value.AsSparse);
                    break;
                default:
                    throw StoreErrors.Internal($"row codec has no encoding for {value.Kind}");
            }
        }

        return buffer.WrittenSpan.ToArray();
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

    private static void WriteSparse(ArrayBufferWriter<byte> buffer, SparseVector sparse)
    {
        WriteVarint(buffer, (ulong)sparse.Count);
        uint previous = 0;
        for (var i = 0; i < sparse.Count; i++)
        {
            WriteVarint(buffer, sparse.Indices[i] - previous);
            previous = sparse.Indices[i];
            BinaryPrimitives.WriteSingleLittleEndian(buffer.GetSpan(4), sparse.Weights[i]);
            buffer.Advance(4);
        }
    }

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
        var floats = new float[count];
        var bytes = Take(data, ref position, count * 4);
        for (var i = 0; i < count; i++)
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

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> data, ref int position, int length)
    {
        if (length > data.Length - position)
        {
            throw StoreErrors.TypeMismatch("row ends inside a value");
        }

        var slice = data.Slice(position, length);
        position += length;
        return slice;
    }

    private static void WriteVarint(ArrayBufferWriter<byte> buffer, ulong value) =>
        buffer.Advance(Varint.Write(buffer.GetSpan(Varint.MaxLength), value));
}
