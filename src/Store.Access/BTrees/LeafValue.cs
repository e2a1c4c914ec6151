namespace Store.Access.BTrees;

/// <summary>Where a leaf cell's value is: inline at <see cref="InlineOffset"/>, or in an overflow chain.</summary>
internal readonly record struct LeafValue(int Length, uint OverflowPage, int InlineOffset)
{
    public bool IsOverflow => OverflowPage != 0;
}
