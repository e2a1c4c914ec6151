namespace Store.Storage.Pages;

/// <summary>What a page holds; stored in every page's trailer and checked on read.</summary>
internal enum PageType : byte
{
    /// <summary>Never written: a page of zeros has this type and fails its checksum.</summary>
    Unused = 0,

    Header = 1,
    Free = 2,
    BTreeLeaf = 3,
    BTreeInterior = 4,
    Overflow = 5,
}
