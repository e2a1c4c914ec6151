namespace Store.Testing;

/// <summary>Orders byte arrays as memcmp does: the order of B+tree keys.</summary>
public sealed class ByteOrder : IComparer<byte[]>
{
    public static readonly ByteOrder Instance = new();

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}
