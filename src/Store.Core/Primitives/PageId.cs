namespace Store.Core.Primitives;

/// <summary>A page number inside the main database file. Page 0 is the file header.</summary>
public readonly record struct PageId(uint Value)
{
    /// <summary>"No page": used for empty links (free list end, no overflow).</summary>
    public static PageId None => default;

    /// <summary>The file header page.</summary>
    public static PageId Header => default;

    public bool IsNone => Value == 0;

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
