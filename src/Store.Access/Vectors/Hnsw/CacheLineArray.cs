using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Store.Access.Vectors.Hnsw;

/// <summary>
/// Int arrays laid out in whole 64-byte cache lines from a known element on: the graph's
/// layer-0 blocks start at <c>origin</c> and each block is a whole number of lines, with the
/// vector starting on a line, so a 128-dimension vector is read as 8 lines rather than the 9
/// an unaligned one straddles. The array is allocated pinned (on the pinned object heap), so
/// the garbage collector never moves it off its alignment.
/// </summary>
/// <remarks>
/// Measured with the batched prefetch of <see cref="HnswGraph"/>'s layer search, on 100,000 x
/// 128 clustered vectors at ef 16 (one graph copied into both layouts, searched in
/// alternating rounds in one process): 47.5 us a query aligned against 50.2 us unaligned with
/// the old loop, and 41.8 us with the batched prefetch on top.
/// </remarks>
internal static class CacheLineArray
{
    public const int IntsPerLine = 64 / sizeof(int);

    /// <summary>The smallest whole number of lines, in ints, that holds <paramref name="ints"/>.</summary>
    public static int RoundUp(int ints) => (ints + IntsPerLine - 1) & ~(IntsPerLine - 1);

    /// <summary>An array of at least <paramref name="length"/> ints from <paramref name="origin"/> on, where element <paramref name="origin"/> starts a line.</summary>
    public static unsafe int[] Allocate(int length, out int origin)
    {
        var array = GC.AllocateArray<int>(length + IntsPerLine - 1, pinned: true);
        var address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        origin = (int)((64 - (address & 63)) & 63) / sizeof(int);
        return array;
    }
}
