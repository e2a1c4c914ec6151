namespace Store.Access.Integrity;

/// <summary>Shape of one B+tree as the integrity check saw it.</summary>
internal sealed record TreeStats(string Name, uint Root, long Entries, int Pages, int Depth, double LeafFill, int OverflowPages);
