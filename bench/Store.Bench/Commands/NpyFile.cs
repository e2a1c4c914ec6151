using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Store.Bench.Commands;

/// <summary>
/// Reads and writes float32 matrices as NumPy .npy files, so the Python peers read exactly the
/// data Store scans, and embeddings saved with <c>np.save</c> can be benchmarked as they are.
/// </summary>
internal static partial class NpyFile
{
    public static void Write(string path, float[][] rows)
    {
        var columns = rows.Length == 0 ? 0 : rows[0].Length;
        var header = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({rows.Length}, {columns}), }}";
        // The header is padded with spaces and ends with a newline so the data starts at a multiple of 64 bytes.
        var total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + ((64 - (total % 64)) % 64)) + "\n";
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        writer.Write((byte)0x93);
        writer.Write(Encoding.ASCII.GetBytes("NUMPY"));
        writer.Write((byte)1);
        writer.Write((byte)0);
        writer.Write((ushort)header.Length);
        writer.Write(Encoding.ASCII.GetBytes(header));
        foreach (var row in rows)
        {
            foreach (var value in row)
            {
                writer.Write(value);
            }
        }
    }

    /// <summary>A two-dimensional little-endian float32 array in C order, as <c>np.save</c> writes one.</summary>
    public static float[][] Read(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> preamble = stackalloc byte[12];
        stream.ReadExactly(preamble[..8]);
        if (preamble[0] != 0x93 || !preamble[1..6].SequenceEqual("NUMPY"u8))
        {
            throw new InvalidDataException($"{path} is not a .npy file");
        }

        // Format 1.0 gives the header length in two bytes; 2.0 and 3.0, for longer headers, in four.
        int headerLength;
        if (preamble[6] == 1)
        {
            stream.ReadExactly(preamble[8..10]);
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(preamble[8..10]);
        }
        else
        {
            stream.ReadExactly(preamble[8..12]);
            headerLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(preamble[8..12]));
        }

        var headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        var header = Encoding.Latin1.GetString(headerBytes);
        var shape = MatrixShape().Match(header);
        if (!header.Contains("'descr': '<f4'", StringComparison.Ordinal) || !header.Contains("'fortran_order': False", StringComparison.Ordinal) || !shape.Success)
        {
            throw new InvalidDataException($"{path} is not a two-dimensional float32 array in C order (header {header.Trim()})");
        }

        var rows = new float[int.Parse(shape.Groups[1].Value, CultureInfo.InvariantCulture)][];
        var columns = int.Parse(shape.Groups[2].Value, CultureInfo.InvariantCulture);
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new float[columns];
            // '<f4' is little-endian, as are the machines the bench runs on, so the bytes are the floats.
            stream.ReadExactly(MemoryMarshal.AsBytes(rows[i].AsSpan()));
        }

        return rows;
    }

    [GeneratedRegex(@"'shape': \((\d+), (\d+)\)")]
    private static partial Regex MatrixShape();
}
