namespace Store.Access.Vectors.Ivf;

/// <summary>
/// One inverted list in memory: its rows' ids, their codes back to back, and, when the index
/// re-ranks, their full vectors; removal moves the last entry into the hole.
/// </summary>
internal sealed class IvfList(int codeSize, int dimensions, bool keepVectors)
{
    private long[] _rowIds = new long[4];
    private byte[] _codes = new byte[4 * codeSize];
    private float[] _vectors = keepVectors ? new float[4 * dimensions] : [];

    public int Count { get; private set; }

    public ReadOnlySpan<byte> Codes => _codes.AsSpan(0, Count * codeSize);

    public long RowIdAt(int slot) => _rowIds[slot];

    public ReadOnlySpan<float> VectorAt(int slot) => _vectors.AsSpan(slot * dimensions, dimensions);

    public ReadOnlySpan<byte> CodeAt(int slot) => _codes.AsSpan(slot * codeSize, codeSize);

    /// <summary>Appends an entry; returns its slot.</summary>
    public int Add(long rowId, ReadOnlySpan<byte> code, ReadOnlySpan<float> vector)
    {
        if (Count == _rowIds.Length)
        {
            Array.Resize(ref _rowIds, Count * 2);
            Array.Resize(ref _codes, Count * 2 * codeSize);
            if (keepVectors)
            {
                Array.Resize(ref _vectors, Count * 2 * dimensions);
            }
        }

        _rowIds[Count] = rowId;
        code.CopyTo(_codes.AsSpan(Count * codeSize));
        if (keepVectors)
        {
            vector.CopyTo(_vectors.AsSpan(Count * dimensions));
        }

        return Count++;
    }

    /// <summary>Removes the entry in <paramref name="slot"/>; returns the row moved into it, if any.</summary>
    public long? RemoveAt(int slot)
    {
        var last = --Count;
        if (slot == last)
        {
            return null;
        }

        _rowIds[slot] = _rowIds[last];
        CodeAt(last).CopyTo(_codes.AsSpan(slot * codeSize));
        if (keepVectors)
        {
            VectorAt(last).CopyTo(_vectors.AsSpan(slot * dimensions));
        }

        return _rowIds[slot];
    }
}
