using System.Text;

namespace Store.Bench.Commands;

/// <summary>Writes a float32 matrix as a NumPy .npy file (format 1.0), so the Python peers read exactly the data Store scans.</summary>
internal static class NpyFile
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
}
