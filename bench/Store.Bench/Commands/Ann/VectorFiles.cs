using System.Runtime.InteropServices;

namespace Store.Bench.Commands.Ann;

/// <summary>
/// The vector files the ANN bench reads and writes: TEXMEX .fvecs (vectors) and .ivecs
/// (ground-truth neighbours), where each row is an int32 count followed by that many 4-byte
/// values, and NumPy .npy float32 matrices (through <see cref="NpyFile"/>).
/// </summary>
internal static class VectorFiles
{
    /// <summary>Vectors from a .fvecs or .npy file, chosen by the extension.</summary>
    public static float[][] ReadVectors(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".fvecs" => ReadRows<float>(path),
        ".npy" => NpyFile.Read(path),
        var other => throw new ArgumentException($"{path}: vectors are read from .fvecs or .npy files, not '{other}'"),
    };

    /// <summary>Neighbour lists (0-based row positions, nearest first) from an .ivecs file.</summary>
    public static int[][] ReadNeighbours(string path) => ReadRows<int>(path);

    public static void WriteVectors(string path, float[][] rows) => WriteRows(path, rows);

    public static void WriteNeighbours(string path, int[][] rows) => WriteRows(path, rows);

    // Little-endian on disk and in memory (x86-64 and arm64), so rows are copied as raw bytes.
    private static T[][] ReadRows<T>(string path)
        where T : unmanaged
    {
        using var stream = new BufferedStream(File.OpenRead(path), 1 << 20);
        var rows = new List<T[]>();
        Span<int> count = stackalloc int[1];
        while (stream.Read(MemoryMarshal.AsBytes(count)) is var read && read > 0)
        {
            if (read < sizeof(int))
            {
                stream.ReadExactly(MemoryMarshal.AsBytes(count)[read..]);
            }

            var row = new T[count[0]];
            stream.ReadExactly(MemoryMarshal.AsBytes(row.AsSpan()));
            rows.Add(row);
        }

        return [.. rows];
    }

    private static void WriteRows<T>(string path, T[][] rows)
        where T : unmanaged
    {
        using var stream = new BufferedStream(File.Create(path), 1 << 20);
        foreach (var row in rows)
        {
            var length = row.Length;
            stream.Write(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in length)));
            stream.Write(MemoryMarshal.AsBytes(row.AsSpan()));
        }
    }
}
