using Store.Core.Errors;

namespace Store.Access.Encoding;

/// <summary>LEB128 unsigned varints and zigzag-signed varints, as used by the row codec.</summary>
internal static class Varint
{
    public const int MaxLength = 10;

    public static int Write(Span<byte> destination, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    public static ulong Read(ReadOnlySpan<byte> source, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= source.Length)
            {
                throw StoreErrors.TypeMismatch("row ends inside a varint");
            }

            var b = source[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw StoreErrors.TypeMismatch("varint longer than ten bytes");
    }

    public static long ReadSigned(ReadOnlySpan<byte> source, ref int position)
    {
        var raw = Read(source, ref position);
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }
}
